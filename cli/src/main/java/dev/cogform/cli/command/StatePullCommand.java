package dev.cogform.cli.command;

import dev.cogform.cli.view.StateView;
import dev.cogform.core.state.StateStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code cogform state pull}. */
@Command(name = "pull", mixinStandardHelpOptions = true, description = "Print the state document (JSON) as stored, after verifying it.")
public final class StatePullCommand implements Callable<Integer> {

    @ParentCommand
    private StateCommand state;

    @Override
    public Integer call() {
        StateView view = state.view();
        try (StateStore store = state.store()) {
            view.document(store.document(), store.location());
        }
        return 0;
    }
}
