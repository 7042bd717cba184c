package dev.cogform.cli.command;

import dev.cogform.cli.view.StateView;
import dev.cogform.core.state.StateStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code cogform state unlock LOCK_ID}. */
@Command(name = "unlock", mixinStandardHelpOptions = true, description = "Release a lock left by a run that is no longer active.")
public final class StateUnlockCommand implements Callable<Integer> {

    @ParentCommand
    private StateCommand state;

    @Parameters(paramLabel = "LOCK_ID", description = "The lock id the 'state is locked' message named.")
    private String lockId;

    @Override
    public Integer call() {
        StateView view = state.view();
        StateStore store = state.store();
        try (store) {
            store.forceUnlock(lockId);
            view.unlocked(lockId, store.location());
        } finally {
            view.warnings(store.drainWarnings());
        }
        return 0;
    }
}
