package dev.cogform.cli.command;

import dev.cogform.cli.view.StateView;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.state.StateException;
import dev.cogform.core.state.StateLock;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.core.state.StateStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code cogform state rm ADDRESS...}. */
@Command(name = "rm", mixinStandardHelpOptions = true, description = "Forget addresses: cogform stops managing them; the clients stay in Cognito.")
public final class StateRmCommand implements Callable<Integer> {

    @ParentCommand
    private StateCommand state;

    @Mixin
    private LockOptions lockOptions;

    @Parameters(paramLabel = "ADDRESS", arity = "1..*", description = "POOL.CLIENT to forget.")
    private List<String> addresses;

    @Override
    @SuppressWarnings("try") // the lock is held for the block's duration, not referenced in it
    public Integer call() {
        List<ClientAddress> targets = addresses.stream().map(StateCommand::address).distinct().toList();
        StateView view = state.view();
        StateStore store = state.store();
        try (store; StateLock lock = lockOptions.lock(store, "state rm")) {
            StateSnapshot before = store.read();
            for (ClientAddress a : targets) {
                if (!StateCommand.holds(before, a)) {
                    throw new StateException(a + " is not in the state " + store.location() + "; nothing was changed");
                }
            }
            StateSnapshot next = before;
            for (ClientAddress a : targets) {
                next = next.withoutClient(a).withoutPending(a);
            }
            view.removed(before, targets, store.write(next));
        } finally {
            view.warnings(store.drainWarnings());
        }
        return 0;
    }
}
