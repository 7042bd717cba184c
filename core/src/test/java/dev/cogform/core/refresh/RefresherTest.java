package dev.cogform.core.refresh;

import static dev.cogform.core.testing.TestStacks.client;
import static dev.cogform.core.testing.TestStacks.poolById;
import static dev.cogform.core.testing.TestStacks.poolByName;
import static dev.cogform.core.testing.TestStacks.stack;
import static dev.cogform.core.testing.TestStacks.web;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.live.GatewayError;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.model.SettingsJson;
import dev.cogform.core.plan.Plan;
import dev.cogform.core.plan.PlanOptions;
import dev.cogform.core.plan.Planner;
import dev.cogform.core.state.ClientRecord;
import dev.cogform.core.state.PendingCreate;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.core.testing.FakeCognitoGateway;
import dev.cogform.core.testing.FakeCognitoGateway.Op;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RefresherTest {

    final FakeCognitoGateway cognito = new FakeCognitoGateway();
    final String pool = cognito.addPool("main-users");

    static final ClientAddress WEB = ClientAddress.parse("main.web");
    static final ClientAddress GONE = ClientAddress.parse("main.gone");

    StateSnapshot stateWith(LiveClient web) {
        return new StateSnapshot("l", 2, Map.of(
                WEB, record(WEB, web.poolId(), web.clientId(), web.settings()),
                GONE, record(GONE, pool, "deleted-id", web("gone"))), List.of());
    }

    static ClientRecord record(ClientAddress a, String poolId, String id, AppClientSettings s) {
        return new ClientRecord(a, poolId, id, s.clientName(), s, SettingsJson.fingerprint(s), false, Instant.EPOCH);
    }

    @Test
    void refresh_readsManagedClients_marksMissingOnes_andListsPools() {
        LiveClient web = cognito.put(pool, web("web"));
        cognito.put(pool, AppClientSettings.defaults("opensearch"));
        List<int[]> progress = Collections.synchronizedList(new ArrayList<>());
        Refresher refresher = new Refresher(cognito, name -> Optional.empty(), 4, (d, t) -> progress.add(new int[] {d, t}));

        LiveSnapshot live = refresher.refresh(stack(poolById("main", pool, client("main", "web", web("web")))),
                stateWith(web), Set.of());

        assertThat(live.refreshed()).isTrue();
        assertThat(live.client(WEB)).contains(web);
        assertThat(live.known(GONE)).isTrue();
        assertThat(live.client(GONE)).isEmpty();
        assertThat(live.listing(pool)).extracting(s -> s.clientName()).containsExactlyInAnyOrder("web", "opensearch");
        assertThat(live.diagnostics()).isEmpty();
        // Progress counts the two managed clients read; the pool listing is not a client.
        assertThat(progress).hasSize(2);
        assertThat(progress).extracting(p -> p[1]).containsOnly(2);
        assertThat(progress).extracting(p -> p[0]).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void refresh_resolvesPoolNames_orReportsAPoolNameNotFound() {
        DesiredState desired = stack(poolByName("main", "main-users"), poolByName("other", "nope-users"));

        LiveSnapshot live = new Refresher(cognito).refresh(desired, StateSnapshot.empty(), Set.of());

        assertThat(live.poolId("main")).isEqualTo(pool);
        assertThat(live.poolId("other")).isNull();
        assertThat(live.diagnostics()).extracting(Diagnostic::format).containsExactly(
                "cogform.yaml:3:3: error[refresh.pool-not-found]: pool name \"nope-users\" not found"
                        + " (hint: check the name, the region and the credentials, or give the pool's id)");
    }

    @Test
    void refresh_resolvesEveryPoolNameFromOneListing() {
        String other = cognito.addPool("other-users");
        cognito.addPool("third-users");
        DesiredState desired = stack(poolByName("main", "main-users"), poolByName("other", "other-users"),
                poolByName("third", "third-users"));

        LiveSnapshot live = new Refresher(cognito).refresh(desired, StateSnapshot.empty(), Set.of());

        assertThat(live.poolId("main")).isEqualTo(pool);
        assertThat(live.poolId("other")).isEqualTo(other);
        assertThat(cognito.calls()).filteredOn(c -> c.startsWith("LIST_POOLS")).hasSize(1);
    }

    @Test
    void refresh_aFailedPoolListing_failsEveryNamedPool_withoutListingAgain() {
        cognito.failOn(Op.LIST_POOLS, GatewayError.ACCESS_DENIED, "not allowed");
        DesiredState desired = stack(poolByName("main", "main-users"), poolByName("other", "other-users"));

        LiveSnapshot live = new Refresher(cognito).refresh(desired, StateSnapshot.empty(), Set.of());

        assertThat(live.poolId("main")).isNull();
        assertThat(live.poolId("other")).isNull();
        assertThat(live.diagnostics()).extracting(Diagnostic::path)
                .containsExactly("pools.main.name", "pools.other.name");
        assertThat(live.diagnostics()).allSatisfy(d -> assertThat(d.message()).contains("not allowed"));
        assertThat(cognito.calls()).filteredOn(c -> c.startsWith("LIST_POOLS")).hasSize(1);
    }

    @Test
    void refresh_aPoolIdThatDoesNotExist_isAnErrorAtThePool_notAReadFailure() {
        DesiredState desired = stack(poolById("main", "eu-west-1_Nope12345", client("main", "web", web("web"))));

        LiveSnapshot live = new Refresher(cognito).refresh(desired, StateSnapshot.empty(), Set.of());

        assertThat(live.diagnostics()).extracting(Diagnostic::format).containsExactly(
                "cogform.yaml:3:3: error[refresh.pool-not-found]: pool id \"eu-west-1_Nope12345\" does not exist"
                        + " (hint: check the id, the region and the credentials, or give the pool's name)");
    }

    @Test
    void refresh_usesTheCallersResolver_soTheSandboxCanCreatePools() {
        DesiredState desired = stack(poolByName("other", "new-users"));
        Refresher refresher = new Refresher(cognito, name -> Optional.of(cognito.addPool(name)), 2, RefreshListener.NONE);

        LiveSnapshot live = refresher.refresh(desired, StateSnapshot.empty(), Set.of());

        assertThat(live.poolId("other")).isNotNull();
        assertThat(cognito.findPoolIdByName("new-users")).contains(live.poolId("other"));
        assertThat(live.diagnostics()).isEmpty();
    }

    @Test
    void refresh_aPoolThatCannotBeReadIsAnError_neverAllClientsDeleted() {
        LiveClient web = cognito.put(pool, web("web"));
        cognito.failOn(Op.LIST, GatewayError.ACCESS_DENIED, "not allowed");
        cognito.failOn(Op.DESCRIBE, GatewayError.ACCESS_DENIED, "not allowed");
        DesiredState desired = stack(poolById("main", pool, client("main", "web", web("web"))));

        LiveSnapshot live = new Refresher(cognito).refresh(desired, stateWith(web), Set.of());
        Plan plan = Planner.plan(desired, stateWith(web), live, new PlanOptions(Set.of(), Instant.EPOCH, "t"));

        assertThat(live.known(WEB)).isFalse();
        assertThat(live.diagnostics()).extracting(Diagnostic::rule).containsOnly("refresh.read-failed").hasSize(3);
        assertThat(live.diagnostics().get(0).message()).contains("NotAuthorizedException: not allowed");
        assertThat(plan.errored()).isTrue();
        assertThat(plan.actions()).isEmpty();
        assertThat(plan.drift()).isEmpty();
    }

    @Test
    void refresh_runsLiveChecks_forIdentityProvidersAndCustomScopes() {
        cognito.addIdentityProvider(pool, "Google").addScope(pool, "api/read");
        AppClientSettings s = web("web").toBuilder().supportedIdentityProviders(List.of("COGNITO", "Google", "Okta"))
                .allowedOAuthScopes(List.of("openid", "api/read", "api/write")).build();

        LiveSnapshot live = new Refresher(cognito).refresh(stack(poolById("main", pool, client("main", "web", s))),
                StateSnapshot.empty(), Set.of());

        assertThat(live.diagnostics()).extracting(d -> d.rule() + ": " + d.message()).containsExactlyInAnyOrder(
                "idp.exists: identity provider 'Okta' does not exist in pool " + pool,
                "oauth.scope-exists: scope 'api/write' is not defined by any resource server of pool " + pool);
    }

    @Test
    void refresh_skipsLiveChecksWhenOnlyCognitoAndStandardScopesAreUsed() {
        new Refresher(cognito).refresh(stack(poolById("main", pool, client("main", "web", web("web")))),
                StateSnapshot.empty(), Set.of());

        assertThat(cognito.calls()).noneMatch(c -> c.startsWith("IDENTITY_PROVIDERS") || c.startsWith("SCOPES"));
    }

    @Test
    void refresh_describesSameNamedUnmanagedClients_forPendingCreates() {
        LiveClient orphan = cognito.put(pool, web("web"));
        cognito.put(pool, web("other"));
        StateSnapshot state = StateSnapshot.empty().withPending(new PendingCreate(WEB, pool, "web", Instant.EPOCH));

        LiveSnapshot live = new Refresher(cognito).refresh(stack(poolById("main", pool)), state, Set.of());

        assertThat(live.candidates()).containsOnlyKeys(orphan.clientId());
    }

    @Test
    void refresh_withTargets_readsOnlyTargetedClients() {
        LiveClient web = cognito.put(pool, web("web"));

        new Refresher(cognito).refresh(stack(poolById("main", pool)), stateWith(web), Set.of(WEB));

        assertThat(cognito.calls()).filteredOn(c -> c.startsWith("DESCRIBE")).containsExactly("DESCRIBE " + pool + "/" + web.clientId());
    }

    @Test
    void refresh_readsTheSchemaOfPoolsWhoseClientsNameAttributes_andChecksCustomOnes() {
        String other = cognito.addPool("other-users");
        cognito.requireAttribute(pool, "email").addCustomAttribute(pool, "tenant");
        DesiredState desired = stack(
                poolById("main", pool, client("main", "web", web("web").toBuilder().writeAttributes(List.of("name"))
                        .readAttributes(List.of("custom:tenant", "custom:does_not_exist")).build())),
                poolById("other", other, client("other", "plain", web("plain"))));

        LiveSnapshot live = new Refresher(cognito).refresh(desired, StateSnapshot.empty(), Set.of());

        assertThat(cognito.calls()).filteredOn(c -> c.startsWith("SCHEMA")).containsExactly("SCHEMA " + pool);
        assertThat(live.requiredWritable(pool)).containsExactly("email");
        assertThat(live.requiredWritable(other)).isEmpty();
        assertThat(live.diagnostics()).extracting(Diagnostic::rule).containsExactly("attributes.custom-exists");
        assertThat(live.diagnostics().get(0).message()).contains("'custom:does_not_exist'");
    }

    @Test
    void refresh_aSchemaThatCannotBeRead_isAReadFailure() {
        cognito.failOn(Op.SCHEMA, GatewayError.ACCESS_DENIED, "not allowed");
        DesiredState desired = stack(poolById("main", pool,
                client("main", "web", web("web").toBuilder().writeAttributes(List.of("name")).build())));

        LiveSnapshot live = new Refresher(cognito).refresh(desired, StateSnapshot.empty(), Set.of());

        assertThat(live.diagnostics()).extracting(Diagnostic::rule).containsExactly("refresh.read-failed");
        assertThat(live.diagnostics().get(0).message()).startsWith("reading the attribute schema of pool " + pool);
    }

    @Test
    void fromState_readsTheSchemaOnlyOfPoolsWhoseClientsWriteAttributes() {
        cognito.requireAttribute(pool, "email");
        AppClientSettings writer = web("web").toBuilder().writeAttributes(List.of("name")).build();
        LiveClient web = cognito.put(pool, writer);
        int before = cognito.calls().size();

        LiveSnapshot live = new Refresher(cognito).fromState(stack(poolById("main", pool, client("main", "web", writer))),
                stateWith(web));

        assertThat(cognito.calls().subList(before, cognito.calls().size())).containsExactly("SCHEMA " + pool);
        assertThat(live.requiredWritable(pool)).containsExactly("email");
    }

    @Test
    void fromState_readsNoClient_andSaysSo() {
        LiveClient web = cognito.put(pool, web("web"));
        int before = cognito.calls().size();

        LiveSnapshot live = new Refresher(cognito).fromState(stack(poolById("main", pool)), stateWith(web));

        assertThat(live.refreshed()).isFalse();
        assertThat(live.client(WEB).orElseThrow().settings()).isEqualTo(web.settings());
        assertThat(cognito.calls()).hasSize(before);
    }

    @Test
    void fromState_aPoolRenamedInTheYaml_isResolvedFromTheYaml_andItsClientsReplacedIntoIt() {
        LiveClient web = cognito.put(pool, web("web"));
        String renamed = cognito.addPool("renamed-users");
        DesiredState desired = stack(poolByName("main", "renamed-users", client("main", "web", web("web"))));
        StateSnapshot state = new StateSnapshot("l", 2,
                Map.of(WEB, record(WEB, web.poolId(), web.clientId(), web.settings())), List.of());

        LiveSnapshot live = new Refresher(cognito).fromState(desired, state);
        Plan plan = Planner.plan(desired, state, live, new PlanOptions(Set.of(), Instant.EPOCH, "t"));

        assertThat(live.poolId("main")).isEqualTo(renamed);
        assertThat(plan.errored()).isFalse();
        assertThat(plan.actions()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(dev.cogform.core.plan.Action.REPLACE);
            assertThat(c.reason()).isEqualTo(dev.cogform.core.plan.ActionReason.REPLACE_BECAUSE_POOL_CHANGED);
            assertThat(c.poolId()).isEqualTo(renamed);
        });
        assertThat(cognito.calls()).noneMatch(c -> c.startsWith("DESCRIBE") || c.startsWith("LIST "));
    }

    @Test
    void fromState_aRenamedPoolThatDoesNotExist_isAnError_notTheRecordedPool() {
        LiveClient web = cognito.put(pool, web("web"));
        DesiredState desired = stack(poolByName("main", "no-such-users", client("main", "web", web("web"))));
        StateSnapshot state = new StateSnapshot("l", 2,
                Map.of(WEB, record(WEB, web.poolId(), web.clientId(), web.settings())), List.of());

        LiveSnapshot live = new Refresher(cognito, name -> Optional.empty(), 1, RefreshListener.NONE).fromState(desired, state);
        Plan plan = Planner.plan(desired, state, live, new PlanOptions(Set.of(), Instant.EPOCH, "t"));

        assertThat(live.poolId("main")).isNull();
        assertThat(live.diagnostics()).extracting(Diagnostic::rule).containsExactly("refresh.pool-not-found");
        assertThat(plan.errored()).isTrue();
        assertThat(plan.actions()).noneMatch(c -> c.poolId() != null && c.poolId().equals(pool)
                && c.action() == dev.cogform.core.plan.Action.UPDATE);
    }
}
