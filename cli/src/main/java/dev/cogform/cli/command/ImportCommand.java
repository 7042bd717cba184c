package dev.cogform.cli.command;

import dev.cogform.cli.wiring.StackServices;
import dev.cogform.cli.view.Colors;
import dev.cogform.core.adopt.Importer;
import dev.cogform.core.diag.DiagnosticException;
import dev.cogform.core.diag.ExitCode;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.state.StateSnapshot;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cogform import ADDRESS CLIENT_ID}: takes one existing client into the state under the state
 * lock, with its live settings as applied; Cognito is only read. For a reviewed import, write
 * {@code import_id} in cogform.yaml instead.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Take an existing app client into the state under ADDRESS (Cognito is only read).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:imported", "1:refused or failed; nothing was changed"})
public final class ImportCommand implements Callable<Integer> {

    private final StackServices services;

    @ParentCommand
    private GlobalOptions main;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private StackOptions stack;

    @Mixin
    private LockOptions lock;

    @Parameters(index = "0", paramLabel = "POOL.CLIENT", converter = PlanningOptions.AddressConverter.class,
            description = "The address in cogform.yaml that will manage the client, like main.web.")
    private ClientAddress address;

    @Parameters(index = "1", paramLabel = "CLIENT_ID", description = "The id of the existing app client.")
    private String clientId;

    public ImportCommand(StackServices services) {
        this.services = services;
    }

    public ImportCommand() {
        this(StackServices.standard());
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (StackSession session = StackSession.load(services, main.directory(), stack.variables(main.directory()), err,
                Colors.OFF).lock("import", lock.lockTimeout())) {
            StateSnapshot state = session.store.read();
            Importer.Result result = new Importer(session.gateway, services.poolResolver(session.desired, session.gateway))
                    .importClient(session.desired, state, address, clientId, services.clock().instant());
            if (result.refusal() != null) {
                throw new DiagnosticException(List.of(result.refusal()));
            }
            session.store.write(state.withClient(result.record()));
            out.println("Imported client " + clientId + " (\"" + result.record().clientName() + "\", pool "
                    + result.record().poolId() + ") as " + address + ".");
            out.println("Run 'cogform plan' to see what cogform.yaml changes on it.");
            out.flush();
            return ExitCode.OK;
        }
    }
}
