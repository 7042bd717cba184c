package dev.cogform.cli.command;

import static dev.cogform.core.testing.TestStacks.client;
import static dev.cogform.core.testing.TestStacks.poolById;
import static dev.cogform.core.testing.TestStacks.protect;
import static dev.cogform.core.testing.TestStacks.stack;
import static dev.cogform.core.testing.TestStacks.web;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.cli.FakeServices;
import dev.cogform.cli.FakeServices.Run;
import dev.cogform.core.desired.DesiredClient;
import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.diag.SourcePosition;
import dev.cogform.core.live.GatewayError;
import dev.cogform.core.live.GatewayException;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.plan.PlanFile;
import dev.cogform.core.state.StateLock;
import dev.cogform.core.testing.FakeCognitoGateway.Op;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {

    final FakeServices services = new FakeServices();
    final String pool = services.cognito.addPool("main-users");

    @TempDir
    Path dir;

    DesiredState stackOf(DesiredClient... clients) {
        return stack(poolById("main", pool, clients));
    }

    Run cogform(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-C";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return services.run(all);
    }

    @Test
    void plan_detailedExitcode_is2WithChanges_and0AfterApply() {
        services.desired = stackOf(client("main", "web", web("web")));

        Run plan = cogform("plan", "--detailed-exitcode");
        Run apply = cogform("apply", "--auto-approve");
        Run again = cogform("plan", "--detailed-exitcode");

        assertThat(plan.exit()).isEqualTo(2);
        assertThat(plan.out()).contains("Plan: 1 to add, 0 to change, 0 to replace, 0 to destroy.");
        assertThat(apply.exit()).isEqualTo(0);
        assertThat(apply.out()).contains("main.web: Creating...").contains("Apply complete! Clients: 1 added");
        assertThat(again.exit()).isEqualTo(0);
        assertThat(again.out()).contains("No changes.");
        assertThat(cogform("plan").exit()).isEqualTo(0);
    }

    @Test
    void plan_detailedExitcode_countsDriftAsChanges() {
        services.desired = stackOf(client("main", "web", web("web")));
        cogform("apply", "--auto-approve");
        LiveClient live = services.cognito.clients(pool).get(0);
        services.cognito.change(pool, live.clientId(), web("web").toBuilder().idTokenValiditySeconds(600).build());

        Run plan = cogform("plan", "--detailed-exitcode");

        assertThat(plan.exit()).isEqualTo(2);
        assertThat(plan.out()).contains("has changed outside cogform").contains("~ token_validity.id: 1h -> 10m");
    }

    @Test
    void plan_withErrors_exits1_andPrintsTheDiagnostic() {
        services.desired = stackOf(client("main", "admin", web("admin"), protect()));
        cogform("apply", "--auto-approve");
        services.desired = stackOf();

        Run plan = cogform("plan", "--detailed-exitcode");
        Run apply = cogform("apply", "--auto-approve");

        assertThat(plan.exit()).isEqualTo(1);
        assertThat(plan.err()).contains("error[lifecycle.prevent-destroy]: client main.admin");
        assertThat(apply.exit()).isEqualTo(1);
        assertThat(services.cognito.clients(pool)).hasSize(1);
    }

    @Test
    void loadErrors_arePrinted_andExit1() {
        services.loadDiagnostics = List.of(Diagnostic.error("oauth.https-callback", "pools.main.clients.web.callback_urls[0]",
                "callback URL must use https", "use https://", new SourcePosition("cogform.yaml", 12, 9)));

        Run plan = cogform("plan");

        assertThat(plan.exit()).isEqualTo(1);
        assertThat(plan.err()).contains("cogform.yaml:12:9: error[oauth.https-callback]: callback URL must use https"
                + " (hint: use https://)");
    }

    @Test
    void apply_withoutTerminal_refusesUnlessAutoApprove() {
        services.desired = stackOf(client("main", "web", web("web")));

        Run apply = cogform("apply");

        assertThat(apply.exit()).isEqualTo(1);
        assertThat(apply.err()).contains("apply needs approval").contains("--auto-approve");
        assertThat(services.cognito.clients(pool)).isEmpty();
    }

    @Test
    void apply_onTerminal_appliesOnlyAfterYes() {
        services.desired = stackOf(client("main", "web", web("web")));
        services.interactive = true;
        services.env.put("NO_COLOR", "1");
        services.input.add("no");

        Run cancelled = cogform("apply");
        services.input.add("yes");
        Run approved = cogform("apply");

        assertThat(cancelled.exit()).isEqualTo(1);
        assertThat(cancelled.err()).contains("Apply cancelled.");
        assertThat(approved.exit()).isEqualTo(0);
        assertThat(approved.out()).contains("Only 'yes' will be accepted to approve.").contains("Apply complete!");
        assertThat(services.cognito.clients(pool)).hasSize(1);
    }

    @Test
    void savedPlan_appliesOnce_thenIsRefusedAsStale() {
        services.desired = stackOf(client("main", "web", web("web")));

        Run plan = cogform("plan", "--out", "plan.json");
        Run first = cogform("apply", "plan.json");
        Run second = cogform("apply", "plan.json");

        assertThat(plan.exit()).isEqualTo(0);
        assertThat(plan.out()).contains("Saved the plan to plan.json").contains("cogform apply plan.json");
        assertThat(first.exit()).isEqualTo(0);
        assertThat(second.exit()).isEqualTo(3);
        assertThat(second.err()).contains("error[plan.stale-state]").contains("The saved plan is stale");
        assertThat(services.cognito.clients(pool)).hasSize(1);
    }

    @Test
    void savedPlan_isRefusedWhenTheYamlChanged() {
        services.desired = stackOf(client("main", "web", web("web")));
        cogform("plan", "--out", "plan.json");
        services.desired = stackOf(client("main", "web", web("web2")));

        Run apply = cogform("apply", "plan.json");

        assertThat(apply.exit()).isEqualTo(3);
        assertThat(apply.err()).contains("error[plan.stale-desired]");
        assertThat(services.cognito.clients(pool)).isEmpty();
    }

    @Test
    void savedPlan_isRefusedWhenAChangedClientChangedLive() {
        services.desired = stackOf(client("main", "web", web("web")));
        cogform("apply", "--auto-approve");
        services.desired = stackOf(client("main", "web", web("web").toBuilder().idTokenValiditySeconds(600).build()));
        cogform("plan", "--out", "plan.json");
        String clientId = services.cognito.clients(pool).get(0).clientId();
        services.cognito.change(pool, clientId, web("web").toBuilder().logoutUrls(List.of()).build());

        Run apply = cogform("apply", "plan.json", "--json");

        assertThat(apply.exit()).isEqualTo(3);
        assertThat(apply.out()).contains("\"status\" : \"refused_stale\"").contains("\"rule\" : \"plan.stale-live\"");
        assertThat(services.cognito.clients(pool).get(0).settings().idTokenValiditySeconds()).isEqualTo(3600);
    }

    @Test
    void savedPlan_withAnUnknownOrEditedFile_isAnError() throws Exception {
        services.desired = stackOf(client("main", "web", web("web")));
        cogform("plan", "--out", "plan.json");
        Path file = dir.resolve("plan.json");
        Files.writeString(file, Files.readString(file).replace("\"web\"", "\"evil\""));

        assertThat(cogform("apply", "nope.json").err()).contains("does not exist");
        Run edited = cogform("apply", "plan.json");
        assertThat(edited.exit()).isEqualTo(1);
        assertThat(edited.err()).contains("does not match its digest");
    }

    @Test
    void show_rendersASavedPlan_asTextOrItsJson() throws Exception {
        services.desired = stackOf(client("main", "web", web("web")));
        Run plan = cogform("plan", "--out", "plan.json");

        Run text = cogform("show", "plan.json");
        Run json = cogform("show", "plan.json", "--json");

        assertThat(text.exit()).isEqualTo(0);
        // show prints the plan as plan did, then its provenance (no git here).
        String rendered = text.out().substring(0, text.out().indexOf("\nPlan sha256:"));
        assertThat(plan.out()).startsWith(rendered);
        assertThat(text.out()).contains("Made outside a git work tree: no commit recorded.");
        assertThat(json.out()).isEqualTo(Files.readString(dir.resolve("plan.json")));
        assertThat(PlanFile.read(json.out()).changes()).hasSize(1);
    }

    @Test
    void planJson_onStdout_isTheSavedDocument() throws Exception {
        services.desired = stackOf(client("main", "web", web("web")));

        Run json = cogform("plan", "--json", "--out", "plan.json");

        assertThat(json.out()).isEqualTo(Files.readString(dir.resolve("plan.json")));
    }

    @Test
    void apply_failure_reportsDoneFailedNotAttempted_andExits1() {
        services.desired = stackOf(client("main", "a", web("a")), client("main", "b", web("b")), client("main", "c", web("c")));
        services.cognito.failOn(Op.CREATE, 1, 1, new GatewayException(GatewayError.LIMIT_EXCEEDED,
                "The user pool has reached its client limit.", "LimitExceededException", null, null), false);

        Run apply = cogform("apply", "--auto-approve");

        assertThat(apply.exit()).isEqualTo(1);
        assertThat(apply.out()).contains("Apply failed: 1 done, 1 failed, 1 not attempted.")
                .contains("failed:        main.b (create): Cognito: LimitExceededException: The user pool has reached its client limit.")
                .contains("not attempted: main.c (create)");
        assertThat(services.store.read().clients()).hasSize(1);
    }

    @Test
    void secret_isPrintedOnlyBySecret_neverByPlanOrApply() throws Exception {
        services.desired = stackOf(client("main", "api", web("api").toBuilder().generateSecret(true).build()));
        Run plan = cogform("plan", "--out", "plan.json");
        Run apply = cogform("apply", "plan.json");
        String clientId = services.cognito.clients(pool).get(0).clientId();
        String secret = services.cognito.secret(pool, clientId).orElseThrow();

        Run shown = cogform("secret", "main.api");

        assertThat(shown.exit()).isEqualTo(0);
        assertThat(shown.out()).isEqualTo(secret + System.lineSeparator());
        assertThat(plan.out() + plan.err() + apply.out() + apply.err()).doesNotContain(secret);
        assertThat(Files.readString(dir.resolve("plan.json"))).doesNotContain(secret);
        assertThat(services.store.read().toString()).doesNotContain(secret);
        assertThat(cogform("plan", "--json").out()).doesNotContain(secret);
    }

    @Test
    void secret_ofAPublicOrUnknownClient_isAnError() {
        services.desired = stackOf(client("main", "web", web("web")));
        cogform("apply", "--auto-approve");

        assertThat(cogform("secret", "main.web").err()).contains("has no secret");
        assertThat(cogform("secret", "main.nope").err()).startsWith("cogform: main.nope is not a client in ")
                .endsWith("cogform.yaml; its clients are main.web\n").doesNotContain("apply it first");
        assertThat(cogform("secret", "nodot").exit()).isEqualTo(1);
    }

    @Test
    void secret_ofAClientDeletedOutsideCogform_saysSo() {
        services.desired = stackOf(client("main", "api", web("api").toBuilder().generateSecret(true).build()));
        cogform("apply", "--auto-approve");
        services.cognito.remove(pool, services.cognito.clients(pool).get(0).clientId());

        Run secret = cogform("secret", "main.api");

        assertThat(secret.exit()).isEqualTo(1);
        assertThat(secret.err()).contains("no longer exists").contains("deleted outside cogform");
        assertThat(secret.out()).isEmpty();
    }

    @Test
    void colour_onATerminalOnly_offWithNoColorOrFlag() {
        services.desired = stackOf(client("main", "web", web("web")));
        services.interactive = true;

        String coloured = cogform("plan").out();
        String flag = cogform("plan", "--no-color").out();
        services.env.put("NO_COLOR", "1");
        String env = cogform("plan").out();
        services.env.clear();
        services.interactive = false;
        String pipe = cogform("plan").out();

        assertThat(coloured).contains("\u001b[");
        assertThat(List.of(flag, env, pipe)).allSatisfy(o -> assertThat(o).doesNotContain("\u001b[").contains("+ main.web"));
    }

    @Test
    void target_limitsPlanAndApply() {
        services.desired = stackOf(client("main", "a", web("a")), client("main", "b", web("b")));

        Run apply = cogform("apply", "--auto-approve", "--target", "main.b");

        assertThat(apply.exit()).isEqualTo(0);
        assertThat(services.store.read().clients().keySet()).extracting(Object::toString).containsExactly("main.b");
        assertThat(cogform("plan", "--target", "main.x").exit()).isEqualTo(1);
        assertThat(cogform("plan", "--target", "bad").err()).contains("is not a client address");
    }

    @Test
    void refreshFalse_plansFromStateAlone_andSaysSo() {
        services.desired = stackOf(client("main", "web", web("web")));
        cogform("apply", "--auto-approve");
        services.cognito.remove(pool, services.cognito.clients(pool).get(0).clientId());

        Run plan = cogform("plan", "--refresh=false", "--detailed-exitcode");

        assertThat(plan.exit()).isEqualTo(0);
        assertThat(plan.out()).contains("planned from the recorded state only (--refresh=false)");
        assertThat(cogform("plan", "--detailed-exitcode").exit()).isEqualTo(2);
    }

    @Test
    void heldLock_failsWithTheHolder() {
        services.desired = stackOf(client("main", "web", web("web")));
        try (StateLock held = services.store.lock("apply", Duration.ZERO)) {
            Run plan = cogform("plan", "--lock-timeout", "0s");

            assertThat(plan.exit()).isEqualTo(1);
            assertThat(plan.err()).contains("locked");
        }
        assertThat(cogform("plan", "--lock-timeout", "soon").err()).contains("is not a duration");
    }

    @Test
    void progress_isPrintedOnStderr_whileRefreshing() {
        services.desired = stackOf(client("main", "web", web("web")));
        cogform("apply", "--auto-approve");

        Run plan = cogform("plan");

        assertThat(plan.err()).as("one managed client read").contains("Refreshing 1/1 clients\u2026");
        assertThat(plan.out()).doesNotContain("Refreshing");
    }

    @Test
    void plan_withAnUnknownTarget_failsWithoutBlamingReads() {
        services.desired = stackOf(client("main", "web", web("web")));

        Run plan = cogform("plan", "--target", "main.nope");

        assertThat(plan.exit()).isEqualTo(1);
        assertThat(plan.out()).contains("Planning failed.").doesNotContain("could not read");
        assertThat(plan.err()).contains("error[plan.unknown-target]");
    }

    @Test
    void applyFile_withNothingToDo_saysSo() {
        services.desired = stackOf(client("main", "web", web("web")));
        cogform("apply", "--auto-approve");
        cogform("plan", "--out", "plan.json");

        Run apply = cogform("apply", "plan.json");

        assertThat(apply.exit()).isEqualTo(0);
        assertThat(apply.out()).contains("No changes. The saved plan plan.json has nothing to apply.");
    }

    @Test
    void planOut_toAMissingDirectory_saysWhy_andAnErroredPlanIsNotSaved() {
        services.desired = stackOf(client("main", "web", web("web")));

        Run missing = cogform("plan", "--out", "no/such/dir/plan.json");
        Run directory = cogform("plan", "--out", ".");
        services.desired = stackOf(client("main", "web", web("web")));
        Run errored = cogform("plan", "--out", "plan.json", "--target", "main.nope");

        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("cannot save the plan to " + dir.resolve("no/such/dir/plan.json"))
                .contains("the directory " + dir.resolve("no/such/dir") + " does not exist")
                .contains("the plan was not saved");
        assertThat(directory.exit()).isEqualTo(1);
        assertThat(directory.err()).contains("cannot save the plan to").contains("the plan was not saved");
        assertThat(errored.exit()).isEqualTo(1);
        assertThat(errored.err()).contains("the plan has errors; it was not saved to plan.json");
        assertThat(dir.resolve("plan.json")).doesNotExist();
    }

    @Test
    void apply_failure_namesCognitosErrorCodeOnce() {
        services.desired = stackOf(client("main", "a", web("a")));
        // A refusal, not a fault: faults are retried (ApplierTest), a refusal fails at once.
        services.cognito.failOn(Op.CREATE, 0, 1, new GatewayException(GatewayError.INVALID_PARAMETER,
                "CreateUserPoolClient on pool p: Bad scope. (InvalidParameterException)", "InvalidParameterException",
                null, null), false);

        Run apply = cogform("apply", "--auto-approve");

        assertThat(apply.exit()).isEqualTo(1);
        assertThat(apply.out()).contains("Cognito: CreateUserPoolClient on pool p: Bad scope. (InvalidParameterException)")
                .doesNotContain("InvalidParameterException: CreateUserPoolClient");
    }
}
