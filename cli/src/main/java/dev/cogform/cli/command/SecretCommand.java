package dev.cogform.cli.command;


import dev.cogform.cli.wiring.StackServices;
import dev.cogform.core.diag.ExitCode;
import dev.cogform.core.live.GatewayError;
import dev.cogform.core.live.GatewayException;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.state.ClientRecord;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cogform secret ADDRESS}: reads the client secret from Cognito and prints it. The only place a
 * secret is ever printed; it is never stored.
 */
@Command(name = "secret", mixinStandardHelpOptions = true,
        description = "Print the client secret of a managed client, read live from Cognito.")
public final class SecretCommand implements Callable<Integer> {

    private final StackServices services;

    @ParentCommand
    private GlobalOptions main;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private StackOptions stack;

    @Parameters(paramLabel = "POOL.CLIENT", converter = PlanningOptions.AddressConverter.class,
            description = "The client's address in cogform.yaml, like main.web.")
    private ClientAddress address;

    public SecretCommand(StackServices services) {
        this.services = services;
    }

    public SecretCommand() {
        this(StackServices.standard());
    }

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        try (StackSession session = StackSession.load(services, main.directory(), stack.variables(main.directory()), err,
                dev.cogform.cli.view.Colors.OFF)) {
            Optional<ClientRecord> record = session.store.read().client(address);
            if (record.isEmpty()) {
                err.println("cogform: " + address + " is not in the state (" + session.store.location()
                        + "); apply it first");
                return ExitCode.ERROR;
            }
            Optional<String> secret;
            try {
                secret = session.gateway.readSecret(record.get().poolId(), record.get().clientId());
            } catch (GatewayException e) {
                if (e.error() != GatewayError.NOT_FOUND) {
                    throw e;
                }
                err.println("cogform: client " + address + " (" + record.get().clientId() + ") no longer exists in"
                        + " pool " + record.get().poolId() + ", probably deleted outside cogform; run 'cogform apply'"
                        + " to re-create it (with a new id and secret)");
                return ExitCode.ERROR;
            }
            if (secret.isEmpty()) {
                err.println("cogform: client " + address + " (" + record.get().clientId()
                        + ") has no secret: it was created with generate_secret: false");
                return ExitCode.ERROR;
            }
            if (session.desired.provider() != null && session.desired.provider().sandbox()) {
                // stdout stays the bare secret for scripts; the reminder goes to stderr.
                err.println("cogform: read from the cogform sandbox (in-process Cognito), not AWS");
            }
            spec.commandLine().getOut().println(secret.get());
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }
}
