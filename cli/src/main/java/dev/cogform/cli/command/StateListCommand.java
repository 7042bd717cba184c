package dev.cogform.cli.command;

import dev.cogform.cli.view.StateView;
import dev.cogform.core.state.StateStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code cogform state list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the addresses in the state, one a line.")
public final class StateListCommand implements Callable<Integer> {

    @ParentCommand
    private StateCommand state;

    @Override
    public Integer call() {
        StateView view = state.view();
        try (StateStore store = state.store()) {
            view.list(store.read());
            view.warnings(store.drainWarnings());
        }
        return 0;
    }
}
