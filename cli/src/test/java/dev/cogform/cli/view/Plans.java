package dev.cogform.cli.view;

import static dev.cogform.core.testing.LiveBuilder.live;
import static dev.cogform.core.testing.TestStacks.client;
import static dev.cogform.core.testing.TestStacks.poolById;
import static dev.cogform.core.testing.TestStacks.protect;
import static dev.cogform.core.testing.TestStacks.web;

import dev.cogform.core.desired.DesiredClient;
import dev.cogform.core.desired.DesiredPool;
import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.desired.FieldSources;
import dev.cogform.core.desired.Lifecycle;
import dev.cogform.core.diag.Location;
import dev.cogform.core.diag.SourcePosition;
import dev.cogform.core.model.Analytics;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.model.RefreshTokenRotation;
import dev.cogform.core.model.SettingsJson;
import dev.cogform.core.plan.Plan;
import dev.cogform.core.plan.PlanOptions;
import dev.cogform.core.plan.Planner;
import dev.cogform.core.state.ClientRecord;
import dev.cogform.core.state.PendingCreate;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.core.testing.LiveBuilder;
import dev.cogform.core.testing.TestStacks;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Plans for view tests, made by the real planner from hand-built inputs. */
final class Plans {

    static final String P = "eu-west-1_main";
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private Plans() {
    }

    static ClientRecord record(String address, String clientId, AppClientSettings applied, boolean protect) {
        return new ClientRecord(ClientAddress.parse(address), P, clientId, applied.clientName(), applied,
                SettingsJson.fingerprint(applied), protect, Instant.parse("2024-01-01T00:00:00Z"));
    }

    static StateSnapshot state(ClientRecord... records) {
        Map<ClientAddress, ClientRecord> map = new LinkedHashMap<>();
        for (ClientRecord r : records) {
            map.put(r.address(), r);
        }
        return new StateSnapshot("3f1c2a9e-lineage", 7, map, List.of());
    }

    static Plan plan(DesiredState desired, StateSnapshot state, LiveBuilder live) {
        return Planner.plan(desired, state, live.build(), new PlanOptions(Set.of(), NOW, "1.0.0-test"));
    }

    /** Provenance as a GitHub pull_request run records it, so links and the footer show. */
    static final dev.cogform.core.plan.GitProvenance GIT = new dev.cogform.core.plan.GitProvenance(
            "0123456789abcdef0123456789abcdef01234567", null, "stacks/prod",
            "89abcdef0123456789abcdef0123456789abcdef", false, "git@github.com:example/infra.git",
            new dev.cogform.core.plan.GitProvenance.PullRequest(42, "fedcba9876543210fedcba9876543210fedcba98",
                    "1111111111111111111111111111111111111111"),
            Map.of("stacks/prod/cogform.yaml", "2222222222222222222222222222222222222222"));

    static Plan planInGit(DesiredState desired, StateSnapshot state, LiveBuilder live) {
        return Planner.plan(desired, state, live.build(), new PlanOptions(Set.of(), NOW, "1.0.0-test", GIT));
    }

    /**
     * Adoption and rotation in one plan: one client imported as it is, one imported then updated, one
     * new client, a secret rotated because of its age and an old secret deleted after its overlap.
     */
    static Plan importsAndRotation() {
        AppClientSettings confidential = web("web").toBuilder().generateSecret(true).build();
        AppClientSettings billing = web("billing").toBuilder().generateSecret(true).build();
        var rotation = new dev.cogform.core.desired.SecretRotation(90 * 86_400, 7 * 86_400);
        DesiredPool pool = poolById("main", P,
                client("main", "web", confidential).withSecretRotation(rotation),
                client("main", "billing", billing).withSecretRotation(rotation),
                client("main", "legacy", web("legacy")).withImportId("3example23456789"),
                client("main", "admin", web("admin").toBuilder().accessTokenValiditySeconds(1800).build())
                        .withImportId("4example23456789"),
                client("main", "spa", web("spa")));
        java.util.function.IntFunction<Instant> daysAgo = d -> NOW.minus(java.time.Duration.ofDays(d));
        var webSecret = new dev.cogform.core.model.SecretDescriptor("1example23456789-0", daysAgo.apply(93));
        var billingOld = new dev.cogform.core.model.SecretDescriptor("5example23456789-0", daysAgo.apply(120));
        var billingNew = new dev.cogform.core.model.SecretDescriptor("5example23456789-1", daysAgo.apply(8));
        return planInGit(TestStacks.stack(pool),
                state(record("main.web", "1example23456789", confidential, false),
                        record("main.billing", "5example23456789", billing, false)),
                live().pool("main", P).client("main.web", P, "1example23456789", confidential)
                        .client("main.billing", P, "5example23456789", billing)
                        .secrets("main.web", webSecret).secrets("main.billing", billingOld, billingNew)
                        .unmanaged(P, "3example23456789", web("legacy"), NOW, true)
                        .unmanaged(P, "4example23456789", web("admin"), NOW, true));
    }

    /** Two new clients, nothing else. */
    static Plan createsOnly() {
        DesiredPool pool = poolById("main", P, client("main", "web", web("web")),
                client("main", "batch", AppClientSettings.builder("batch").generateSecret(true)
                        .allowedOAuthFlows(List.of("client_credentials")).allowedOAuthScopes(List.of("api/read"))
                        .allowedOAuthFlowsUserPoolClient(true).build()));
        return planInGit(TestStacks.stack(pool), state(), live().pool("main", P));
    }

    /** An update that also returns two fields to Cognito's defaults, which the YAML no longer gives. */
    static Plan updateWithImpliedReset() {
        AppClientSettings live = web("web").toBuilder().enableTokenRevocation(false)
                .refreshTokenValiditySeconds(7 * 86_400).build();
        AppClientSettings wanted = web("web").toBuilder()
                .callbackUrls(List.of("https://app.example.com/callback", "https://app.example.com/v2/callback")).build();
        return planInGit(TestStacks.stack(poolById("main", P, client("main", "web", wanted))),
                state(record("main.web", "1example23456789", live, false)),
                live().pool("main", P).client("main.web", P, "1example23456789", live));
    }

    /** generate_secret changes: a new client id. */
    static Plan replacement() {
        AppClientSettings was = web("api");
        return planInGit(TestStacks.stack(poolById("main", P,
                        client("main", "api", was.toBuilder().generateSecret(true).build()))),
                state(record("main.api", "2example23456789", was, false)),
                live().pool("main", P).client("main.api", P, "2example23456789", was));
    }

    /** Someone changed the callback URLs in the console; cogform.yaml still says otherwise. */
    static Plan driftReverted() {
        AppClientSettings applied = web("web");
        AppClientSettings console = applied.toBuilder()
                .callbackUrls(List.of("https://app.example.com/callback", "http://localhost:3000/cb")).build();
        return planInGit(TestStacks.stack(poolById("main", P, client("main", "web", applied))),
                state(record("main.web", "1example23456789", applied, false)),
                live().pool("main", P).client("main.web", P, "1example23456789", console));
    }

    /** {@code n} clients to create, each with a few fields, for the size budget. */
    static Plan manyCreates(int n) {
        DesiredClient[] clients = new DesiredClient[n];
        for (int i = 0; i < n; i++) {
            clients[i] = client("main", String.format("client-%04d", i), web(String.format("client-%04d", i)));
        }
        return planInGit(TestStacks.stack(poolById("main", P, clients)), state(), live().pool("main", P));
    }

    /** Every kind of change, drift, state change and an unmanaged client. */
    static Plan everything() {
        AppClientSettings web = web("web");
        AppClientSettings webWanted = web.toBuilder()
                .callbackUrls(List.of("https://app.example.com/callback", "https://app.example.com/v2/callback"))
                .logoutUrls(List.of())
                .refreshTokenValiditySeconds(7 * 86_400)
                .refreshTokenRotation(new RefreshTokenRotation(RefreshTokenRotation.ENABLED, 10))
                .build();
        AppClientSettings webLive = web.toBuilder().accessTokenValiditySeconds(7_200).build();
        DesiredPool pool = poolById("main", P,
                client("main", "web", webWanted),
                client("main", "api", web("api").toBuilder().generateSecret(true).build()),
                client("main", "mobile", web("mobile")),
                client("main", "admin", web("admin"), protect()),
                client("main", "batch", AppClientSettings.builder("batch").generateSecret(true)
                        .allowedOAuthFlows(List.of("client_credentials")).allowedOAuthScopes(List.of("api/read"))
                        .allowedOAuthFlowsUserPoolClient(true).accessTokenValiditySeconds(900).build()),
                client("main", "late", web("late")));
        StateSnapshot state = state(
                record("main.web", "1example23456789", web, false),
                record("main.api", "2example23456789", web("api"), false),
                record("main.mobile", "3example23456789", web("mobile"), false),
                record("main.admin", "4example23456789", web("admin"), false),
                record("main.legacy", "5example23456789", web("legacy"), false))
                .withPending(new PendingCreate(ClientAddress.parse("main.late"), P, "late", NOW.minusSeconds(60)));
        LiveBuilder live = live().pool("main", P)
                .client("main.web", P, "1example23456789", webLive)
                .client("main.api", P, "2example23456789", web("api"))
                .missing("main.mobile")
                .client("main.admin", P, "4example23456789", web("admin"))
                .client("main.legacy", P, "5example23456789", web("legacy"))
                .unmanaged(P, "6example23456789", web("late"), NOW.minusSeconds(59), true)
                .unmanaged(P, "7example23456789", AppClientSettings.defaults("AmazonOpenSearchService-logs"), null, false);
        return plan(TestStacks.stack(pool), state, live);
    }

    /**
     * Drift in two fields the YAML sets explicitly (token_validity.access at Cognito's default, and
     * analytics.role_arn), which the plan reverts.
     */
    static Plan revertedDrift() {
        Analytics analytics = new Analytics("0123456789abcdef0123456789abcdef", null,
                "arn:aws:iam::123456789012:role/pinpoint", "ext-1", false);
        AppClientSettings wanted = web("web").toBuilder().analytics(analytics).build();
        AppClientSettings live = wanted.toBuilder().accessTokenValiditySeconds(7_200)
                .analytics(new Analytics(analytics.applicationId(), null, "arn:aws:iam::123456789012:role/other",
                        "ext-1", false)).build();
        SourcePosition at = new SourcePosition("cogform.yaml", 10, 5);
        String path = "pools.main.clients.web";
        FieldSources sources = new FieldSources(new Location(path, at), Map.of(
                "token_validity.access", new Location(path + ".token_validity.access", at),
                "analytics.application_id", new Location(path + ".analytics.application_id", at),
                "analytics.role_arn", new Location(path + ".analytics.role_arn", at),
                "analytics.external_id", new Location(path + ".analytics.external_id", at)), Map.of());
        DesiredClient client = new DesiredClient(ClientAddress.parse("main.web"), wanted, Lifecycle.DEFAULT, at, sources);
        return plan(TestStacks.stack(poolById("main", P, client)), state(record("main.web", "1example23456789", wanted, false)),
                live().pool("main", P).client("main.web", P, "1example23456789", live));
    }

    static Plan noChanges(boolean sandbox) {
        AppClientSettings web = web("web");
        DesiredPool pool = poolById("main", P, client("main", "web", web));
        DesiredState desired = sandbox ? TestStacks.sandboxStack(pool) : TestStacks.stack(pool);
        return plan(desired, state(record("main.web", "1example23456789", web, false)),
                live().pool("main", P).client("main.web", P, "1example23456789", web));
    }

    static Plan fromStateOnly() {
        AppClientSettings web = web("web");
        return plan(TestStacks.sandboxStack(poolById("main", P, client("main", "web", web.toBuilder()
                        .idTokenValiditySeconds(300).build()))),
                state(record("main.web", "1example23456789", web, false)),
                live().pool("main", P).client("main.web", P, "1example23456789", web).fromState());
    }

    static Plan protectedDelete() {
        return plan(TestStacks.stack(poolById("main", P)),
                state(record("main.admin", "4example23456789", web("admin"), true)),
                live().pool("main", P).client("main.admin", P, "4example23456789", web("admin")));
    }
}
