package dev.cogform.cli.command;

import dev.cogform.cli.view.StateView;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.state.ClientRecord;
import dev.cogform.core.state.StateException;
import dev.cogform.core.state.StateLock;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.core.state.StateStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code cogform state mv SRC DST}. */
@Command(name = "mv", mixinStandardHelpOptions = true, description = "Record a managed client under another address (rename it in cogform.yaml too).")
public final class StateMvCommand implements Callable<Integer> {

    @ParentCommand
    private StateCommand state;

    @Mixin
    private LockOptions lockOptions;

    @Parameters(index = "0", paramLabel = "SRC", description = "The address the client is recorded under now.")
    private String source;

    @Parameters(index = "1", paramLabel = "DST", description = "The address to record it under.")
    private String destination;

    @Override
    @SuppressWarnings("try") // the lock is held for the block's duration, not referenced in it
    public Integer call() {
        ClientAddress from = StateCommand.address(source);
        ClientAddress to = StateCommand.newAddress(destination);
        StateView view = state.view();
        StateStore store = state.store();
        try (store; StateLock lock = lockOptions.lock(store, "state mv")) {
            StateSnapshot snapshot = store.read();
            ClientRecord record = snapshot.client(from).orElseThrow(() -> new StateException(from
                    + " is not in the state " + store.location() + "; 'cogform state list' shows the addresses it holds"));
            if (StateCommand.holds(snapshot, to)) {
                throw new StateException(to + " is already in the state " + store.location()
                        + "; remove it first with 'cogform state rm " + to + "' if it is stale");
            }
            ClientRecord moved = new ClientRecord(to, record.poolId(), record.clientId(), record.clientName(),
                    record.applied(), record.liveFingerprint(), record.preventDestroy(), record.appliedAt());
            view.moved(from, to, store.write(snapshot.withoutClient(from).withClient(moved)));
        } finally {
            view.warnings(store.drainWarnings());
        }
        return 0;
    }
}
