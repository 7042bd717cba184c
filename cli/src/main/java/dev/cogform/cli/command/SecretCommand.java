package dev.cogform.cli.command;

import dev.cogform.cli.wiring.StackServices;
import dev.cogform.core.desired.StackFile;
import dev.cogform.core.diag.ExitCode;
import dev.cogform.core.live.GatewayError;
import dev.cogform.core.live.GatewayException;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.state.ClientRecord;
import dev.cogform.core.model.SecretDescriptor;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cogform secret ADDRESS}: reads the client secret from Cognito and prints it. The only place a
 * secret is ever printed; it is never stored. With {@code --all}, one line per secret: id, creation
 * date and value, where Cognito reveals it (DescribeUserPoolClient gives one value, taken as the
 * newest's; ListUserPoolClientSecrets gives none).
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

    @picocli.CommandLine.Option(names = "--all",
            description = "List every secret of the client (at most two): id, creation date and value, tab-separated.")
    private boolean all;

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
                if (session.desired.client(address).isEmpty()) {
                    List<String> known = session.desired.pools().stream().flatMap(p -> p.clients().stream())
                            .map(c -> c.address().toString()).sorted().toList();
                    err.println("cogform: " + address + " is not a client in " + StackFile.displayName(main.directory())
                            + (known.isEmpty() ? ", which has no clients"
                                    : known.size() <= 10 ? "; its clients are " + String.join(", ", known)
                                    : "; it has " + known.size() + " clients, such as " + String.join(", ", known.subList(0, 10))));
                    return ExitCode.ERROR;
                }
                err.println("cogform: " + address + " is in " + StackFile.displayName(main.directory())
                        + " but has not been created yet (the state at " + session.store.location()
                        + " does not record it); run 'cogform apply' first");
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
            if (!all) {
                spec.commandLine().getOut().println(secret.get());
            } else {
                List<SecretDescriptor> secrets = session.gateway.listSecrets(record.get().poolId(), record.get().clientId());
                for (int i = 0; i < secrets.size(); i++) {
                    boolean newest = i == secrets.size() - 1;
                    // Cognito reveals only one value, the one DescribeUserPoolClient returns: the newest's.
                    spec.commandLine().getOut().println(secrets.get(i).id() + "\t" + secrets.get(i).created() + "\t"
                            + (newest ? secret.get() : "(value not readable: Cognito returns only the newest secret's)"));
                }
            }
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }
}
