package dev.cogform.cli.command;

import dev.cogform.cli.view.StateView;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.state.StateException;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.core.state.StateStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code cogform state show ADDRESS}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show what the state records for one address (never a secret).")
public final class StateShowCommand implements Callable<Integer> {

    @ParentCommand
    private StateCommand state;

    @Parameters(paramLabel = "ADDRESS", description = "POOL.CLIENT, as 'cogform state list' prints it.")
    private String address;

    @Override
    public Integer call() {
        ClientAddress a = StateCommand.address(address);
        StateView view = state.view();
        try (StateStore store = state.store()) {
            StateSnapshot snapshot = store.read();
            if (!StateCommand.holds(snapshot, a)) {
                throw new StateException(a + " is not in the state " + store.location()
                        + "; 'cogform state list' shows the addresses it holds");
            }
            view.show(snapshot, a);
            view.warnings(store.drainWarnings());
        }
        return 0;
    }
}
