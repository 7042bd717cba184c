package dev.cogform.cli.command;


import dev.cogform.cli.wiring.Wiring;
import dev.cogform.core.desired.StackFile;
import dev.cogform.core.diag.DiagnosticException;
import dev.cogform.cli.view.StateView;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.state.StateException;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.core.state.StateStore;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cogform state}: inspect and edit the recorded state. Its subcommands read only the
 * {@code state:} block of cogform.yaml ({@link StackFile#readState}, the loader's own reading of it), so
 * they work while the rest of the file is being fixed.
 */
@Command(name = "state", mixinStandardHelpOptions = true,
        description = "Inspect and change the recorded state (which Cognito client each address manages).",
        subcommands = {
            StateListCommand.class,
            StateShowCommand.class,
            StateRmCommand.class,
            StateForgetPendingCommand.class,
            StateMvCommand.class,
            StatePullCommand.class,
            StatePushCommand.class,
            StateUnlockCommand.class,
            StateMigrateCommand.class})
public final class StateCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The stack directory given with {@code -C}. */
    Path stackDir() {
        return ((GlobalOptions) spec.root().userObject()).directory();
    }

    /** The store named by the stack's {@code state:} block; the caller closes it. */
    StateStore store() {
        StackFile.StateBlock block = StackFile.readState(stackDir());
        if (block.state() == null) {
            throw new DiagnosticException(block.diagnostics());
        }
        return Wiring.stateStore(block.state(), stackDir());
    }

    StateView view() {
        return new StateView(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    static ClientAddress address(String text) {
        try {
            return ClientAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw new StateException(e.getMessage());
        }
    }

    /**
     * An address to record a client under: like {@link #address} but also with keys cogform.yaml can
     * write, so the client does not end up under an address no stack can ever name.
     */
    static ClientAddress newAddress(String text) {
        ClientAddress address = address(text);
        if (!ClientAddress.KEY.matcher(address.pool()).matches() || !ClientAddress.KEY.matcher(address.client()).matches()) {
            throw new StateException("'" + text + "' cannot be an address: pool and client keys are lower-case letters,"
                    + " digits, _ and -, starting with a letter or digit, for example main.web");
        }
        return address;
    }

    static boolean holds(StateSnapshot snapshot, ClientAddress address) {
        return snapshot.client(address).isPresent() || snapshot.pending().stream().anyMatch(p -> p.address().equals(address));
    }
}
