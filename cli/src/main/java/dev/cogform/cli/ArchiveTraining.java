package dev.cogform.cli;

import dev.cogform.cli.view.Colors;
import dev.cogform.cli.view.HumanPlanView;
import dev.cogform.cli.view.JsonPlanView;
import dev.cogform.cli.wiring.Wiring;
import dev.cogform.core.Version;
import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.desired.LoadResult;
import dev.cogform.core.desired.Variables;
import dev.cogform.core.live.CognitoGateway;
import dev.cogform.core.plan.Plan;
import dev.cogform.core.plan.PlanOptions;
import dev.cogform.core.plan.Planner;
import dev.cogform.core.refresh.Refresher;
import dev.cogform.core.stack.DesiredStateLoader;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.core.state.StateStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * The run the {@code ./cogform} launcher records its class-data archive (AppCDS) from: it goes through
 * the start-up of every command without touching anything outside a temporary directory, so the
 * archive holds the classes of all of them (a dynamic archive keeps only the classes its run loaded).
 * No request is sent: the Cognito gateway is built against a local address and closed unused.
 */
final class ArchiveTraining {

    /** A small stack on a local endpoint that nothing listens on; it is only loaded, never reached. */
    private static final String STACK = """
            version: 1
            provider:
              region: us-east-1
              endpoint: "http://127.0.0.1:9"
            variables:
              domain: app.example.com
            pools:
              main:
                name: training
                defaults:
                  token_validity: { access: 1h, id: 1h, refresh: 30d }
                  prevent_user_existence_errors: ENABLED
                  supported_identity_providers: [COGNITO]
                clients:
                  web:
                    name: web-app
                    explicit_auth_flows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
                    allowed_oauth_flows_user_pool_client: true
                    allowed_oauth_flows: [code]
                    allowed_oauth_scopes: [openid, email, profile]
                    callback_urls: ["https://${var.domain}/callback"]
                    logout_urls: ["https://${var.domain}/"]
                  api:
                    name: api
                    generate_secret: true
                    explicit_auth_flows: [ALLOW_USER_PASSWORD_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
                    token_validity: { access: 15m, id: 15m }
            """;

    private ArchiveTraining() {
    }

    /** Runs the training; 0 when every step went through (the launcher keeps the archive only then). */
    static int run() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("cogform-cds");
            PrintWriter sink = new PrintWriter(Writer.nullWriter());
            CommandLine tree = Main.commandLine();
            tree.usage(sink);
            tree.getSubcommands().values().forEach(sub -> sub.usage(sink));
            Main.run(sink, sink, "-C", dir.toString(), "validate", "--json"); // a missing file: diagnostics

            LoadResult loaded = DesiredStateLoader.load(dir, STACK, Variables.none());
            DesiredState desired = loaded.state();
            if (desired == null) {
                return 1;
            }
            StateSnapshot state;
            try (StateStore store = Wiring.stateStore(desired)) {
                state = store.read();
            }
            CognitoGateway gateway = Wiring.gateway(desired);
            Plan plan;
            try {
                plan = Planner.plan(desired, state, new Refresher(gateway).fromState(desired, state),
                        new PlanOptions(Set.of(), Instant.EPOCH, Version.current()));
            } finally {
                if (gateway instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            }
            new HumanPlanView(sink, Colors.OFF).render(plan);
            new JsonPlanView(sink).render(plan);
            sink.flush();
            return 0;
        } catch (Exception | LinkageError e) {
            return 1;
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory left behind is harmless.
        }
    }
}
