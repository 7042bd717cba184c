package dev.cogform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogform.cli.CliRun;
import dev.cogform.core.live.cognito.PeerGap;
import dev.cogform.core.model.AppClientField;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TokenValidityUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * The end-to-end scenarios of issue 5 §6, written once: cogform run as a user runs it on a stack of
 * four clients in two pools of a peer, with the AWS SDK changing things behind its back. A peer
 * implementation names its {@link #endpoint()} and declares its {@link #gaps()} once; where a gap
 * changes the outcome, the scenario asserts the gap's behaviour, so a gap the peer no longer has fails.
 * Each test makes its own two pools with random names.
 */
abstract class EndToEndScenarios {

    @TempDir
    Path dir;

    CognitoAdmin admin;
    String mainPool;
    String otherPool;
    StackYaml yaml;
    Stack stack;

    /** Where the peer listens. */
    abstract URI endpoint();

    /** How the peer is known to differ from Cognito; none by default. */
    Set<PeerGap> gaps() {
        return Set.of();
    }

    boolean has(PeerGap gap) {
        return gaps().contains(gap);
    }

    @BeforeAll
    static void credentials() {
        // cogform reaches a custom endpoint with the AWS SDK's default credential chain; peers accept any key.
        System.setProperty("aws.accessKeyId", "cogform-e2e");
        System.setProperty("aws.secretAccessKey", "cogform-e2e");
    }

    @BeforeEach
    void pools() {
        admin = new CognitoAdmin(endpoint());
        String run = UUID.randomUUID().toString().substring(0, 8);
        mainPool = admin.createPool("cogform-e2e-main-" + run);
        otherPool = admin.createPool("cogform-e2e-other-" + run);
        if (!has(PeerGap.NO_IDENTITY_PROVIDER_API)) {
            admin.createOidcProvider(mainPool, StackYaml.IDP);
        }
        if (!has(PeerGap.NO_RESOURCE_SERVER_API)) {
            admin.createResourceServer(otherPool, StackYaml.API, StackYaml.API_SCOPES);
        }
        yaml = StackYaml.everyField(endpoint(), gaps(), mainPool, otherPool);
        stack = new Stack(dir).write(yaml.root);
    }

    @AfterEach
    void dropPools() {
        admin.deletePoolQuietly(mainPool);
        admin.deletePoolQuietly(otherPool);
        admin.close();
    }

    @Test
    void everyField_appliesOnce_thenPlansNoChanges() {
        JsonNode first = stack.json(2, "plan", "--json", "--detailed-exitcode");
        assertThat(actions(first)).containsOnly("create");
        Set<String> covered = StreamSupport.stream(first.path("resource_changes").spliterator(), false)
                .flatMap(c -> StreamSupport.stream(c.path("diffs").spliterator(), false))
                .map(d -> d.path("field").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> storable = Arrays.stream(AppClientField.values())
                .filter(f -> gaps().stream().noneMatch(g -> g.droppedField().equals(java.util.Optional.of(f))))
                .map(AppClientField::key)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(covered).as("the stack sets every field the peer stores away from its default")
                .isEqualTo(storable);

        CliRun applied = stack.apply();

        assertThat(applied.out()).contains("Apply complete! Clients: 4 added, 0 changed, 0 replaced, 0 destroyed.");
        stack.plan(0);
        assertThat(stack.apply().out()).contains("No changes.").doesNotContain("Apply complete");
        JsonNode again = stack.json(0, "plan", "--json");
        assertThat(actions(again)).containsOnly("no-op");
        assertThat(again.path("resource_drift")).isEmpty();
        assertThat(again.path("state_changes")).isEmpty();
        assertThat(again.path("unmanaged")).isEmpty();
        assertThat(names(mainPool)).containsExactlyInAnyOrder("web-app", "single-page-app");
        assertThat(names(otherPool)).containsExactlyInAnyOrder("billing-worker", "bare-client");
        UserPoolClientType web = admin.describeExisting(mainPool, stack.clientId("main.web"));
        assertThat(web.callbackURLs()).containsExactlyInAnyOrder("https://app.example.com/callback",
                "http://localhost:3000/callback");
        assertThat(accessSeconds(web)).isEqualTo(30 * 60);
        assertThat(web.clientSecret()).isNotBlank();
    }

    @Test
    void outOfBandUpdate_isDrift_andApplyRevertsIt() {
        stack.apply();
        String web = stack.clientId("main.web");
        admin.edit(mainPool, web, b -> b
                // The default redirect URI must stay one of the callback URLs.
                .callbackURLs("https://app.example.com/callback", "https://elsewhere.example.com/callback")
                .accessTokenValidity(2)
                .tokenValidityUnits(units(admin.describeExisting(mainPool, web).tokenValidityUnits(), TimeUnitsType.HOURS)));

        CliRun human = stack.plan(2);
        JsonNode plan = stack.json(2, "plan", "--json", "--detailed-exitcode");

        assertThat(human.out()).contains("Changed outside cogform:",
                "# main.web (client " + web + ") has changed outside cogform",
                "token_validity.access: 30m -> 2h", "token_validity.access: 2h -> 30m",
                "\"https://elsewhere.example.com/callback\"",
                "# main.web will be updated in-place");
        assertThat(human.out().indexOf("Changed outside cogform:"))
                .isLessThan(human.out().indexOf("will be updated in-place"));
        assertThat(plan.path("summary").path("has_drift").asBoolean()).isTrue();
        assertThat(plan.path("resource_drift")).hasSize(1);
        JsonNode drift = plan.path("resource_drift").get(0);
        assertThat(drift.path("address").asText()).isEqualTo("main.web");
        assertThat(drift.path("kind").asText()).isEqualTo("modified");
        assertThat(fields(drift)).containsExactlyInAnyOrder("callback_urls", "token_validity.access");
        JsonNode change = change(plan, "main.web");
        assertThat(change.path("action").asText()).isEqualTo("update");
        assertThat(fields(change)).containsExactlyInAnyOrder("callback_urls", "token_validity.access");

        assertThat(stack.apply().out()).contains("Clients: 0 added, 1 changed, 0 replaced, 0 destroyed.");

        UserPoolClientType reverted = admin.describeExisting(mainPool, web);
        assertThat(reverted.callbackURLs()).containsExactlyInAnyOrder("https://app.example.com/callback",
                "http://localhost:3000/callback");
        assertThat(accessSeconds(reverted)).isEqualTo(30 * 60);
        stack.plan(0);
    }

    /** The service-linked role Cognito gives an analytics configuration by application ARN. */
    static final String SERVICE_LINKED_ROLE =
            "role/aws-service-role/cognito-idp.amazonaws.com/AWSServiceRoleForAmazonCognitoIdp";

    @Test
    void analyticsByArn_theRoleCognitoFillsIn_isNeitherDriftNorChange() {
        stack.apply();
        String web = stack.clientId("main.web");
        if (has(PeerGap.NO_SERVICE_LINKED_ANALYTICS_ROLE)) {
            // What Cognito does on its own, done here by hand (TestAccCognitoIDPUserPoolClient_analyticsWithARN).
            admin.edit(mainPool, web, b -> b.analyticsConfiguration(a -> a
                    .applicationArn("arn:aws:mobiletargeting:us-east-1:123456789012:apps/0123456789abcdef0123456789abcdef")
                    .roleArn("arn:aws:iam::123456789012:" + SERVICE_LINKED_ROLE).userDataShared(true)));
        }

        assertThat(admin.describeExisting(mainPool, web).analyticsConfiguration().roleArn()).endsWith(SERVICE_LINKED_ROLE);
        JsonNode plan = stack.json(0, "plan", "--json", "--detailed-exitcode");
        assertThat(plan.path("resource_drift")).isEmpty();
        assertThat(actions(plan)).containsOnly("no-op");
        stack.expect(0, "plan", "--refresh=false", "--detailed-exitcode");
    }

    @Test
    void requiredAttributes_cognitoAddsToWriteAttributes_arePlannedWarnedAndThenNoChange() {
        String pool = admin.createPool("cogform-e2e-required-" + UUID.randomUUID().toString().substring(0, 8),
                List.of("email"), List.of("tenant"));
        try {
            StackYaml y = StackYaml.empty(endpoint());
            y.pool("users", pool);
            Map<String, Object> writer = y.client("users", "writer");
            writer.put("name", "profile-editor");
            writer.put("read_attributes", StackYaml.list("email", "name", "custom:tenant"));
            writer.put("write_attributes", StackYaml.list("name", "custom:tenant"));
            y.client("users", "reader").put("name", "reader");
            stack.write(y.root);
            // Where the value starts: a block list begins on the line after its key.
            String at = "cogform.yaml:" + (line("write_attributes") + 1) + ":";

            CliRun first = stack.plan(2);
            JsonNode plan = stack.json(2, "plan", "--json", "--detailed-exitcode");

            assertThat(first.err()).contains(at, "warning[attributes.required-writable]",
                    "write_attributes leaves out 'email', required attribute of pool " + pool);
            assertThat(rules(plan)).containsExactly("attributes.required-writable");
            assertThat(change(plan, "users.writer").path("after").path("write_attributes").toString())
                    .isEqualTo("[\"custom:tenant\",\"email\",\"name\"]");
            assertThat(stack.apply().out()).contains("Clients: 2 added, 0 changed, 0 replaced, 0 destroyed.");
            assertThat(admin.describeExisting(pool, stack.clientId("users.writer")).writeAttributes())
                    .containsExactly("custom:tenant", "email", "name");
            assertThat(admin.describeExisting(pool, stack.clientId("users.reader")).writeAttributes()).isEmpty();
            assertThat(stack.plan(0).err()).contains("warning[attributes.required-writable]");
            stack.expect(0, "plan", "--refresh=false", "--detailed-exitcode");

            writer.put("write_attributes", StackYaml.list("email", "name", "custom:tenant"));
            stack.write(y.root);
            assertThat(stack.plan(0).err()).doesNotContain("attributes.required-writable");
        } finally {
            admin.deletePoolQuietly(pool);
        }
    }

    @Test
    void unknownCustomAttribute_isAnErrorAtItsLine_andNothingIsCreated() {
        String pool = admin.createPool("cogform-e2e-custom-" + UUID.randomUUID().toString().substring(0, 8),
                List.of(), List.of("tenant"));
        try {
            StackYaml y = StackYaml.empty(endpoint());
            y.pool("users", pool);
            Map<String, Object> c = y.client("users", "c");
            c.put("name", "tenant-admin");
            c.put("write_attributes", StackYaml.list("custom:tenant", "custom:does_not_exist"));
            stack.write(y.root);

            CliRun plan = stack.expect(1, "plan");
            CliRun apply = stack.expect(1, "apply", "--auto-approve");

            assertThat(plan.err()).contains("cogform.yaml:" + line("custom:does_not_exist") + ":",
                    "error[attributes.custom-exists]",
                    "custom attribute 'custom:does_not_exist' is not in the schema of pool " + pool);
            assertThat(apply.err()).contains("error[attributes.custom-exists]");
            assertThat(admin.list(pool)).isEmpty();
            stack.expect(0, "validate");
        } finally {
            admin.deletePoolQuietly(pool);
        }
    }

    /** The 1-based line of cogform.yaml where {@code text} first appears. */
    private int line(String text) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(dir.resolve("cogform.yaml"));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError(text + " is not in cogform.yaml");
    }

    @Test
    void outOfBandDelete_isRecreated() {
        stack.apply();
        String old = stack.clientId("main.web");
        admin.delete(mainPool, old);

        CliRun human = stack.plan(2);
        JsonNode plan = stack.json(2, "plan", "--json", "--detailed-exitcode");

        assertThat(human.out()).contains("# main.web (client " + old + ") has been deleted outside cogform",
                "# main.web will be re-created (client " + old + " was deleted outside cogform)");
        JsonNode drift = plan.path("resource_drift").get(0);
        assertThat(drift.path("kind").asText()).isEqualTo("deleted");
        JsonNode change = change(plan, "main.web");
        assertThat(change.path("action").asText()).isEqualTo("create");
        assertThat(change.path("action_reason").asText()).isEqualTo("create_because_deleted_outside");
        assertThat(change.path("client_id").asText()).isEqualTo(old);

        assertThat(stack.apply().out()).contains("Clients: 1 added, 0 changed, 0 replaced, 0 destroyed.");

        String recreated = stack.clientId("main.web");
        assertThat(recreated).isNotEqualTo(old);
        assertThat(admin.describe(mainPool, old)).isEmpty();
        assertThat(admin.describeExisting(mainPool, recreated).clientName()).isEqualTo("web-app");
        assertThat(names(mainPool)).containsExactlyInAnyOrder("web-app", "single-page-app");
        stack.plan(0);
    }

    @Test
    void outOfBandValue_forAFieldTheYamlLeavesOut_isReset() {
        stack.apply();
        String spa = stack.clientId("main.spa");
        admin.edit(mainPool, spa, b -> b.defaultRedirectURI("https://app.example.com/spa/"));

        JsonNode plan = stack.json(2, "plan", "--json", "--detailed-exitcode");

        JsonNode diff = change(plan, "main.spa").path("diffs").get(0);
        assertThat(diff.path("field").asText()).isEqualTo("default_redirect_uri");
        assertThat(diff.path("implied_reset").asBoolean()).isTrue();
        assertThat(diff.path("after").isNull()).isTrue();

        CliRun applied = stack.apply();

        if (has(PeerGap.MERGES_ON_UPDATE)) {
            // The update cannot say "no default redirect URI", and the peer keeps what it was not sent:
            // cogform notices the answer differs and says so, and the next plan still shows the change.
            assertThat(admin.describeExisting(mainPool, spa).defaultRedirectURI()).isEqualTo("https://app.example.com/spa/");
            assertThat(applied.err()).contains("apply.response-differs");
            stack.plan(2);
        } else {
            assertThat(admin.describeExisting(mainPool, spa).defaultRedirectURI()).isNull();
            stack.plan(0);
        }
    }

    @Test
    void generateSecretFlip_replacesTheClient() {
        stack.apply();
        String old = stack.clientId("other.bare");
        yaml.client("other", "bare").put("generate_secret", true);
        stack.write(yaml.root);

        CliRun human = stack.plan(2);
        JsonNode plan = stack.json(2, "plan", "--json", "--detailed-exitcode");

        assertThat(human.out()).contains("# other.bare must be replaced: generate_secret can only be set when a client is created",
                "the client id " + old + " will change", "# forces replacement");
        JsonNode change = change(plan, "other.bare");
        assertThat(change.path("action").asText()).isEqualTo("replace");
        assertThat(change.path("actions").toString()).isEqualTo("[\"create\",\"delete\"]");
        assertThat(change.path("replace_paths").toString()).isEqualTo("[[\"generate_secret\"]]");

        assertThat(stack.apply().out()).contains("Clients: 0 added, 0 changed, 1 replaced, 0 destroyed.");

        String replacement = stack.clientId("other.bare");
        assertThat(replacement).isNotEqualTo(old);
        assertThat(admin.describe(otherPool, old)).as("the old client is gone").isEmpty();
        assertThat(admin.describeExisting(otherPool, replacement).clientSecret()).isNotBlank();
        assertThat(names(otherPool)).containsExactlyInAnyOrder("billing-worker", "bare-client");
        stack.plan(0);
    }

    @Test
    void clientRemovedFromTheYaml_isDeleted() {
        stack.apply();
        String bare = stack.clientId("other.bare");
        yaml.remove("other", "bare");
        stack.write(yaml.root);

        assertThat(stack.plan(2).out()).contains("# other.bare will be destroyed");
        assertThat(stack.apply().out()).contains("Clients: 0 added, 0 changed, 0 replaced, 1 destroyed.");

        assertThat(admin.describe(otherPool, bare)).isEmpty();
        assertThat(names(otherPool)).containsExactly("billing-worker");
        assertThat(stack.expect(0, "state", "list").out().lines()).containsExactly("main.spa", "main.web", "other.machine");
        stack.plan(0);
    }

    @Test
    void protectedClientRemovedFromTheYaml_isRefused() {
        stack.apply();
        String spa = stack.clientId("main.spa");
        JsonNode state = stack.state();
        yaml.remove("main", "spa");
        stack.write(yaml.root);

        CliRun plan = stack.expect(1, "plan", "--detailed-exitcode");
        CliRun apply = stack.expect(1, "apply", "--auto-approve");

        for (CliRun run : List.of(plan, apply)) {
            assertThat(run.out() + run.err()).contains("main.spa").contains("prevent_destroy");
        }
        assertThat(apply.out()).doesNotContain("Destroying");
        assertThat(admin.describeExisting(mainPool, spa).clientName()).isEqualTo("single-page-app");
        assertThat(stack.state()).isEqualTo(state);
    }

    @Test
    void staleSavedPlans_areRefused_aFreshOneApplies() {
        stack.apply();
        String web = stack.clientId("main.web");
        yaml.client("main", "web").put("logout_urls", StackYaml.list("https://${var.domain}/bye"));
        stack.write(yaml.root);

        // The client changed in Cognito after the plan was made.
        stack.expect(0, "plan", "--out", "live.json");
        JsonNode state = stack.state();
        admin.edit(mainPool, web, b -> b.callbackURLs("https://app.example.com/callback",
                "https://elsewhere.example.com/callback"));
        JsonNode refused = stack.json(3, "apply", "--json", "live.json");
        assertThat(refused.path("status").asText()).isEqualTo("refused_stale");
        assertThat(rules(refused)).contains("plan.stale-live");
        UserPoolClientType untouched = admin.describeExisting(mainPool, web);
        assertThat(untouched.logoutURLs()).containsExactly("https://app.example.com/logout");
        assertThat(untouched.callbackURLs()).containsExactlyInAnyOrder("https://app.example.com/callback",
                "https://elsewhere.example.com/callback");
        assertThat(stack.state()).isEqualTo(state);

        // Another plan was applied after this one was made.
        stack.expect(0, "plan", "--out", "first.json");
        stack.expect(0, "plan", "--out", "second.json");
        stack.expect(0, "apply", "first.json");
        state = stack.state();
        CliRun second = stack.expect(3, "apply", "second.json");
        assertThat(second.err()).contains("plan.stale-state", "The saved plan is stale and was not applied.");
        assertThat(stack.state()).isEqualTo(state);

        // cogform.yaml changed after the plan was made.
        yaml.client("main", "web").put("logout_urls", StackYaml.list("https://${var.domain}/later"));
        stack.write(yaml.root);
        stack.expect(0, "plan", "--out", "yaml.json");
        yaml.client("main", "web").put("logout_urls", StackYaml.list("https://${var.domain}/even-later"));
        stack.write(yaml.root);
        assertThat(stack.expect(3, "apply", "yaml.json").err()).contains("plan.stale-desired");
        assertThat(admin.describeExisting(mainPool, web).logoutURLs()).containsExactly("https://app.example.com/bye");
        assertThat(stack.state()).isEqualTo(state);

        stack.expect(0, "plan", "--out", "fresh.json");
        assertThat(stack.expect(0, "apply", "fresh.json").out()).contains("Apply complete!");
        assertThat(admin.describeExisting(mainPool, web).logoutURLs()).containsExactly("https://app.example.com/even-later");
        stack.plan(0);
    }

    /** Issue 9: a PR's plan records its commit, renders as a comment, and applies only as reviewed. */
    @Test
    void pullRequestReview_inGit_appliesExactlyTheReviewedPlan() {
        dev.cogform.cli.git.GitCli git = dev.cogform.cli.git.GitCli.init(dir)
                .write(".git/info/exclude", ".cogform/\n*.json\n");
        git.commitAll("the stack");
        stack.apply();
        git.run("checkout", "-q", "-b", "feature");
        yaml.client("main", "web").put("logout_urls", StackYaml.list("https://${var.domain}/reviewed"));
        stack.write(yaml.root);
        String head = git.commitAll("change web's logout URL");

        CliRun diff = stack.expect(0, "diff", "--base", "main");
        assertThat(diff.out()).contains("~ main.web: changed").contains("+ \"https://app.example.com/reviewed\"");
        CliRun comment = stack.expect(0, "plan", "--out", "reviewed.json", "--format", "markdown");
        assertThat(comment.out()).startsWith("<!-- cogform:v1 stack=. digest=sha256:")
                .contains("**Plan:** 0 to add, 1 to change, 0 to replace, 0 to destroy.")
                .contains("commit `" + head.substring(0, 12) + "` on `feature`");

        assertThat(stack.expect(3, "apply", "reviewed.json", "--require-commit", "0000000").err())
                .contains("plan.stale-commit");
        CliRun applied = stack.expect(0, "apply", "reviewed.json", "--require-commit", head);
        assertThat(applied.out()).contains("  Commit: " + head + " on branch feature").contains("Apply complete!");
        assertThat(admin.describeExisting(mainPool, stack.clientId("main.web")).logoutURLs())
                .containsExactly("https://app.example.com/reviewed");
    }

    @Test
    void clientSecrets_appearInNoOutputStateOrPlanFile_andSecretPrintsThem() {
        stack.json(0, "apply", "--json", "--auto-approve");
        yaml.client("other", "bare").put("generate_secret", true);
        stack.write(yaml.root);
        stack.apply();
        stack.expect(0, "plan");
        stack.expect(0, "plan", "--json");
        stack.expect(0, "plan", "--out", "saved.json");
        stack.expect(0, "show", "saved.json");
        stack.expect(0, "show", "saved.json", "--json");
        stack.expect(0, "state", "list");
        stack.expect(0, "state", "show", "main.web");
        stack.expect(0, "state", "pull");
        List<String> secrets = new ArrayList<>();
        for (String address : List.of("main.web", "other.machine", "other.bare")) {
            String pool = address.startsWith("main.") ? mainPool : otherPool;
            String secret = admin.describeExisting(pool, stack.clientId(address)).clientSecret();
            assertThat(secret).as("%s has a secret", address).isNotBlank();
            secrets.add(secret);
        }

        for (CliRun run : stack.transcript()) {
            for (String secret : secrets) {
                assertThat(run.out()).doesNotContain(secret);
                assertThat(run.err()).doesNotContain(secret);
            }
        }
        Map<Path, String> files = stack.files();
        assertThat(files.keySet()).contains(dir.resolve(".cogform/state.json"), dir.resolve("saved.json"));
        files.forEach((file, text) -> secrets.forEach(secret ->
                assertThat(text).as("%s has no secret", file).doesNotContain(secret)));

        assertThat(stack.expect(0, "secret", "main.web").out()).isEqualTo(secrets.get(0) + System.lineSeparator());
        assertThat(stack.expect(0, "secret", "other.bare").out().strip()).isEqualTo(secrets.get(2));
        assertThat(stack.expect(1, "secret", "main.spa").err()).contains("has no secret");
    }

    // --- helpers

    /**
     * Clients made with the peer's own API, in the shapes cogform.yaml describes: confidential with OAuth
     * code flow and token validities in several units, a public implicit-flow client, a client-credentials
     * machine client, and a bare one (its name only). Returns their ids by name.
     */
    private Map<String, String> madeElsewhere(String poolId) {
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        ids.put("Web App", admin.create(poolId, b -> b.clientName("Web App").generateSecret(true)
                .explicitAuthFlowsWithStrings("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH")
                .accessTokenValidity(30).idTokenValidity(2).refreshTokenValidity(90)
                .tokenValidityUnits(TokenValidityUnitsType.builder().accessToken(TimeUnitsType.MINUTES)
                        .idToken(TimeUnitsType.HOURS).refreshToken(TimeUnitsType.DAYS).build())
                .supportedIdentityProviders("COGNITO")
                .callbackURLs("https://app.example.com/callback", "http://localhost:3000/callback")
                .logoutURLs("https://app.example.com/")
                .allowedOAuthFlowsWithStrings("code").allowedOAuthScopes("openid", "email")
                .allowedOAuthFlowsUserPoolClient(true)
                .readAttributes("email", "name").writeAttributes("name")
                .preventUserExistenceErrors("ENABLED").enableTokenRevocation(true)));
        ids.put("spa", admin.create(poolId, b -> b.clientName("spa")
                .supportedIdentityProviders("COGNITO").callbackURLs("https://app.example.com/spa")
                .allowedOAuthFlowsWithStrings("implicit").allowedOAuthScopes("openid")
                .allowedOAuthFlowsUserPoolClient(true)));
        // Client credentials need a custom scope; without a resource server API, a machine client signs in with a password.
        ids.put("billing worker", admin.create(poolId, b -> has(PeerGap.NO_RESOURCE_SERVER_API)
                ? b.clientName("billing worker").generateSecret(true)
                        .explicitAuthFlowsWithStrings("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_PASSWORD_AUTH")
                : b.clientName("billing worker").generateSecret(true)
                        .allowedOAuthFlowsWithStrings("client_credentials").allowedOAuthScopes(StackYaml.API + "/read")
                        .supportedIdentityProviders("COGNITO").allowedOAuthFlowsUserPoolClient(true)
                        .explicitAuthFlowsWithStrings("ALLOW_REFRESH_TOKEN_AUTH")));
        ids.put("bare", admin.create(poolId, b -> b.clientName("bare")));
        return ids;
    }

    @Test
    void generate_plan_apply_adoptsThePoolsClients_withoutFieldChanges() throws Exception {
        Map<String, String> ids = madeElsewhere(otherPool);
        Stack fresh = new Stack(java.nio.file.Files.createDirectories(dir.resolve("adopt")));

        CliRun generated = fresh.expect(0, "generate", "--pool", otherPool, "--endpoint", endpoint().toString(),
                "--region", "us-east-1", "--out", "cogform.yaml");
        String yaml = java.nio.file.Files.readString(fresh.dir.resolve("cogform.yaml"));
        JsonNode plan = fresh.json(2, "plan", "--json", "--detailed-exitcode");
        CliRun human = fresh.plan(2);
        CliRun applied = fresh.apply();

        assertThat(generated.out()).contains("with 4 clients, each with import_id");
        assertThat(yaml).contains("import_id: \"" + ids.get("Web App") + "\"", "web-app:", "billing-worker:", "bare:",
                "generate_secret: true", "access: 30m", "id: 2h", "refresh: 90d");
        assertThat(plan.path("format_version").asText()).isEqualTo("1.2");
        assertThat(actions(plan)).containsOnly("no-op");
        assertThat(plan.path("resource_changes")).hasSize(4).allSatisfy(c -> {
            assertThat(c.path("importing").path("id").asText()).isIn(ids.values());
            assertThat(c.path("diffs")).isEmpty();
        });
        assertThat(plan.path("state_changes")).hasSize(4)
                .allSatisfy(c -> assertThat(c.path("kind").asText()).isEqualTo("import"));
        assertThat(plan.path("unmanaged")).isEmpty();
        assertThat(human.out()).contains("# main.web-app will be imported", "# main.bare will be imported",
                "Plan: 4 to import, 0 to add, 0 to change, 0 to replace, 0 to destroy.");
        assertThat(applied.out()).contains("Apply complete! Clients: 4 imported, 0 added, 0 changed");
        assertThat(fresh.clientId("main.web-app")).isEqualTo(ids.get("Web App"));
        assertThat(fresh.plan(0).out()).contains("No changes.");
        assertThat(names(otherPool)).hasSize(4);
        assertThat(fresh.expect(1, "generate", "--pool", otherPool, "--endpoint", endpoint().toString(),
                "--out", "cogform.yaml").err()).contains("cogform.yaml exists; add --force");
        for (CliRun run : fresh.transcript()) {
            assertThat(run.out() + run.err()).doesNotContain(admin.describeExisting(otherPool, ids.get("Web App")).clientSecret());
        }
    }

    @Test
    void generate_saysWhichLiveSettingsTheYamlCannotExpress() throws Exception {
        if (!has(PeerGap.NO_VALIDATION)) {
            // Cognito refuses such a client, so there is nothing to generate from; the peers store it.
            assertThat(names(mainPool)).isEmpty();
            return;
        }
        admin.create(mainPool, b -> b.clientName("odd").generateSecret(true)
                .allowedOAuthFlowsWithStrings("client_credentials").allowedOAuthScopes("phone")
                .allowedOAuthFlowsUserPoolClient(true));
        Stack fresh = new Stack(java.nio.file.Files.createDirectories(dir.resolve("odd")));

        CliRun generated = fresh.expect(1, "generate", "--pool", mainPool, "--endpoint", endpoint().toString(),
                "--region", "us-east-1", "--out", "cogform.yaml");

        assertThat(generated.err()).contains("some live settings cannot be written as valid cogform.yaml",
                "error[oauth.client-credentials-scopes]: phone is not supported with client_credentials flow");
        assertThat(fresh.dir.resolve("cogform.yaml")).exists();
    }

    @Test
    void importId_importsThenUpdates_andAnUnmanagedNamesake_isAWarningThatApplyAsksAbout() {
        String legacy = admin.create(mainPool, b -> b.clientName("legacy").accessTokenValidity(2)
                .tokenValidityUnits(TokenValidityUnitsType.builder().accessToken(TimeUnitsType.HOURS).build()));
        String twin = admin.create(mainPool, b -> b.clientName("twin"));
        StackYaml small = StackYaml.empty(endpoint());
        small.pool("main", mainPool);
        Map<String, Object> imported = small.client("main", "legacy");
        imported.put("import_id", legacy);
        imported.put("token_validity", Map.of("access", "1h"));
        small.client("main", "twin");
        stack.write(small.root);

        JsonNode plan = stack.json(2, "plan", "--json", "--detailed-exitcode");
        CliRun human = stack.plan(2);
        stack.expect(0, "plan", "--out", "dup.plan");
        CliRun refused = stack.expect(1, "apply", "dup.plan");

        JsonNode change = change(plan, "main.legacy");
        assertThat(change.path("action").asText()).isEqualTo("update");
        assertThat(change.path("importing").path("id").asText()).isEqualTo(legacy);
        assertThat(fields(change)).containsExactly("token_validity.access");
        assertThat(change(plan, "main.twin").path("action").asText()).isEqualTo("create");
        assertThat(rules(plan)).contains("plan.duplicate-name");
        assertThat(human.out()).contains("# main.legacy will be imported, then updated in-place",
                "token_validity.access: 2h -> 1h", "Plan: 1 to import, 1 to add, 1 to change");
        assertThat(human.err()).contains("already has a client named \"twin\" (client " + twin + ")",
                "add import_id: " + twin + " to main.twin");
        assertThat(refused.err()).contains("with the name of an existing, unmanaged client");
        assertThat(stack.dir.resolve(".cogform/state.json")).as("nothing was recorded").doesNotExist();

        CliRun applied = stack.expect(0, "apply", "dup.plan", "--auto-approve");

        assertThat(applied.out()).contains("Clients: 1 imported, 1 added, 1 changed");
        assertThat(stack.clientId("main.legacy")).isEqualTo(legacy);
        assertThat(accessSeconds(admin.describeExisting(mainPool, legacy))).isEqualTo(3600);
        stack.plan(0);
        imported.put("import_id", twin);
        stack.write(small.root);
        assertThat(stack.expect(1, "plan").err()).contains("main.legacy already manages client " + legacy
                + ", but import_id names client " + twin);
    }

    @Test
    void importCommand_takesAnExistingClient_andRefusesWhatItCannotTake() {
        String bare = admin.create(mainPool, b -> b.clientName("bare"));
        String elsewhere = admin.create(otherPool, b -> b.clientName("elsewhere"));
        StackYaml small = StackYaml.empty(endpoint());
        small.pool("main", mainPool);
        small.client("main", "bare");
        small.client("main", "second");
        stack.write(small.root);

        CliRun imported = stack.expect(0, "import", "main.bare", bare);

        assertThat(imported.out()).contains("Imported client " + bare + " (\"bare\", pool " + mainPool + ") as main.bare.");
        assertThat(stack.clientId("main.bare")).isEqualTo(bare);
        assertThat(stack.expect(1, "import", "main.bare", bare).err()).contains("main.bare already manages client " + bare);
        assertThat(stack.expect(1, "import", "main.second", bare).err())
                .contains("client " + bare + " is already managed by main.bare");
        assertThat(stack.expect(1, "import", "main.second", "nosuchclient123").err())
                .contains("client nosuchclient123 does not exist in pool " + mainPool);
        assertThat(stack.expect(1, "import", "main.second", elsewhere).err())
                .contains("client " + elsewhere + " does not exist in pool " + mainPool);
        assertThat(stack.expect(1, "import", "main.absent", elsewhere).err()).contains("main.absent is not in cogform.yaml");
        for (CliRun run : stack.transcript()) {
            assertThat(run.err()).doesNotContain("Exception", "\tat ");
        }
        JsonNode plan = stack.json(2, "plan", "--json", "--detailed-exitcode");
        assertThat(change(plan, "main.bare").path("action").asText()).isEqualTo("no-op");
        assertThat(change(plan, "main.second").path("action").asText()).isEqualTo("create");
    }

    private List<String> names(String poolId) {
        return admin.list(poolId).stream().map(UserPoolClientDescription::clientName).toList();
    }

    private static List<String> actions(JsonNode plan) {
        return StreamSupport.stream(plan.path("resource_changes").spliterator(), false)
                .map(c -> c.path("action").asText()).toList();
    }

    static JsonNode change(JsonNode plan, String address) {
        for (JsonNode c : plan.path("resource_changes")) {
            if (c.path("address").asText().equals(address)) {
                return c;
            }
        }
        throw new AssertionError("no resource change for " + address + " in " + plan);
    }

    private static List<String> fields(JsonNode withDiffs) {
        return StreamSupport.stream(withDiffs.path("diffs").spliterator(), false)
                .map(d -> d.path("field").asText()).toList();
    }

    private static List<String> rules(JsonNode document) {
        return StreamSupport.stream(document.path("diagnostics").spliterator(), false)
                .map(d -> d.path("rule").asText()).toList();
    }

    private static TokenValidityUnitsType units(TokenValidityUnitsType current, TimeUnitsType access) {
        return (current == null ? TokenValidityUnitsType.builder() : current.toBuilder()).accessToken(access).build();
    }

    /** The access token validity in seconds, whatever unit the peer reports it in. */
    private static long accessSeconds(UserPoolClientType c) {
        TimeUnitsType unit = c.tokenValidityUnits() == null ? TimeUnitsType.HOURS : c.tokenValidityUnits().accessToken();
        long per = switch (unit) {
            case SECONDS -> 1;
            case MINUTES -> 60;
            case HOURS -> 3_600;
            case DAYS -> 86_400;
            default -> throw new AssertionError("unknown unit " + unit);
        };
        return c.accessTokenValidity() * per;
    }
}
