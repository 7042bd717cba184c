package dev.cogform.cli.command;

import dev.cogform.cli.view.StateView;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.state.PendingCreate;
import dev.cogform.core.state.StateException;
import dev.cogform.core.state.StateLock;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.core.state.StateStore;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code cogform state forget-pending ADDRESS...}: drops the intent of a create whose outcome is in
 * doubt, for when the operator knows it never reached Cognito. The record of the address, if any, stays.
 */
@Command(name = "forget-pending", mixinStandardHelpOptions = true,
        description = "Drop the pending create of addresses whose create is in doubt, and the ones after it in"
                + " its batch (never sent before it was answered); the next plan creates them again. Only when you"
                + " are sure the create never reached Cognito.")
public final class StateForgetPendingCommand implements Callable<Integer> {

    @ParentCommand
    private StateCommand state;

    @Mixin
    private LockOptions lockOptions;

    @Parameters(paramLabel = "ADDRESS", arity = "1..*", description = "POOL.CLIENT whose pending create to drop.")
    private List<String> addresses;

    @Override
    @SuppressWarnings("try") // the lock is held for the block's duration, not referenced in it
    public Integer call() {
        List<ClientAddress> targets = addresses.stream().map(StateCommand::address).distinct().toList();
        StateView view = state.view();
        StateStore store = state.store();
        try (store; StateLock lock = lockOptions.lock(store, "state forget-pending")) {
            StateSnapshot before = store.read();
            for (ClientAddress a : targets) {
                if (before.pending().stream().noneMatch(p -> p.address().equals(a))) {
                    throw new StateException(a + " has no pending create in the state " + store.location()
                            + "; nothing was changed");
                }
            }
            // The creates of a batch are sent one after another: if a create never reached Cognito, neither did
            // the ones after it in its batch, and they go too (else each would be in doubt in turn).
            Set<ClientAddress> drop = new LinkedHashSet<>();
            for (PendingCreate p : before.pending()) {
                if (targets.contains(p.address())) {
                    List<PendingCreate> batch = before.batchOf(p);
                    batch.subList(batch.indexOf(p), batch.size()).forEach(q -> drop.add(q.address()));
                }
            }
            List<PendingCreate> dropped = before.pending().stream().filter(p -> drop.contains(p.address())).toList();
            StateSnapshot next = before;
            for (ClientAddress a : drop) {
                next = next.withoutPending(a);
            }
            view.forgotPending(dropped, store.write(next));
        } finally {
            view.warnings(store.drainWarnings());
        }
        return 0;
    }
}
