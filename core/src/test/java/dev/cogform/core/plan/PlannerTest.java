package dev.cogform.core.plan;

import static dev.cogform.core.testing.LiveBuilder.live;
import static dev.cogform.core.testing.TestStacks.client;
import static dev.cogform.core.testing.TestStacks.ignore;
import static dev.cogform.core.testing.TestStacks.poolById;
import static dev.cogform.core.testing.TestStacks.poolByName;
import static dev.cogform.core.testing.TestStacks.protect;
import static dev.cogform.core.testing.TestStacks.stack;
import static dev.cogform.core.testing.TestStacks.web;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Named.named;

import dev.cogform.core.desired.DesiredClient;
import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.desired.FieldSources;
import dev.cogform.core.desired.Lifecycle;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.diag.Location;
import dev.cogform.core.diag.SourcePosition;
import dev.cogform.core.model.AppClientField;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.refresh.LiveSnapshot;
import dev.cogform.core.state.ClientRecord;
import dev.cogform.core.state.PendingCreate;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.core.testing.LiveBuilder;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlannerTest {

    static final String P = "eu-west-1_main";
    static final String P2 = "eu-west-1_other";
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    static final AppClientSettings WEB = web("web");
    static final AppClientSettings WEB_MORE_URLS = WEB.toBuilder()
            .callbackUrls(List.of("https://app.example.com/callback", "https://app.example.com/cb2")).build();
    static final String CREATE_FIELDS = "name,explicit_auth_flows,supported_identity_providers,callback_urls,"
            + "logout_urls,allowed_oauth_flows,allowed_oauth_scopes,allowed_oauth_flows_user_pool_client";

    /** One table row: inputs and the expected plan, each part rendered as short strings. */
    static final class Case {
        DesiredState desired = stack(poolById("main", P));
        StateSnapshot state = PlannerTest.state();
        LiveSnapshot live = LiveBuilder.live().pool("main", P).build();
        Set<ClientAddress> targets = Set.of();
        List<String> changes = List.of();
        List<String> drift = List.of();
        List<String> stateChanges = List.of();
        List<String> rules = List.of();
        List<String> unmanaged = List.of();

        Case desired(DesiredState d) { desired = d; return this; }
        Case state(StateSnapshot s) { state = s; return this; }
        Case live(LiveBuilder l) { live = l.build(); return this; }
        Case targets(String... t) { targets = Arrays.stream(t).map(ClientAddress::parse).collect(Collectors.toSet()); return this; }
        Case changes(String... c) { changes = List.of(c); return this; }
        Case drift(String... d) { drift = List.of(d); return this; }
        Case stateChanges(String... s) { stateChanges = List.of(s); return this; }
        Case rules(String... r) { rules = List.of(r); return this; }
        Case unmanaged(String... u) { unmanaged = List.of(u); return this; }
    }

    static Case given() {
        return new Case();
    }

    static ClientRecord record(String address, String poolId, String clientId, AppClientSettings applied,
                               boolean protect) {
        return new ClientRecord(ClientAddress.parse(address), poolId, clientId, applied.clientName(), applied,
                dev.cogform.core.model.SettingsJson.fingerprint(applied), protect, Instant.parse("2024-01-01T00:00:00Z"));
    }

    static StateSnapshot state(ClientRecord... records) {
        Map<ClientAddress, ClientRecord> map = new LinkedHashMap<>();
        for (ClientRecord r : records) {
            map.put(r.address(), r);
        }
        return new StateSnapshot("lineage-1", 3, map, List.of());
    }

    static PendingCreate pending(String address, String poolId, String name, Instant at) {
        return new PendingCreate(ClientAddress.parse(address), poolId, name, at);
    }

    static Stream<Arguments> cases() {
        AppClientSettings secret = WEB.toBuilder().generateSecret(true).build();
        AppClientSettings resettable = WEB.toBuilder().accessTokenValiditySeconds(7200).enableTokenRevocation(false).build();
        return Stream.of(
                Arguments.of(named("a client new in the YAML is created", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB))))
                        .changes("main.web create create_because_not_in_state " + CREATE_FIELDS))),
                Arguments.of(named("a pool given by name is resolved and used", given()
                        .desired(stack(poolByName("main", "prod-users", client("main", "web", WEB))))
                        .live(live().pool("main", P))
                        .changes("main.web create create_because_not_in_state " + CREATE_FIELDS))),
                Arguments.of(named("live equal to desired is a no-op", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB))))
                        .state(state(record("main.web", P, "c1", WEB, false)))
                        .live(live().pool("main", P).client("main.web", P, "c1", WEB))
                        .changes("main.web no-op in_sync"))),
                Arguments.of(named("a callback URL added in the YAML updates in place", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB_MORE_URLS))))
                        .state(state(record("main.web", P, "c1", WEB, false)))
                        .live(live().pool("main", P).client("main.web", P, "c1", WEB))
                        .changes("main.web update update_because_settings_differ callback_urls"))),
                Arguments.of(named("the client name changes in place", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB.toBuilder().clientName("web2").build()))))
                        .state(state(record("main.web", P, "c1", WEB, false)))
                        .live(live().pool("main", P).client("main.web", P, "c1", WEB))
                        .changes("main.web update update_because_settings_differ name"))),
                Arguments.of(named("a generate_secret flip forces replacement", given()
                        .desired(stack(poolById("main", P, client("main", "web", secret))))
                        .state(state(record("main.web", P, "c1", WEB, false)))
                        .live(live().pool("main", P).client("main.web", P, "c1", WEB))
                        .changes("main.web replace replace_because_create_only_field generate_secret"))),
                Arguments.of(named("a new pool forces replacement", given()
                        .desired(stack(poolById("main", P2, client("main", "web", WEB))))
                        .state(state(record("main.web", P, "c1", WEB, false)))
                        .live(live().pool("main", P2).client("main.web", P, "c1", WEB))
                        .changes("main.web replace replace_because_pool_changed"))),
                Arguments.of(named("a client removed from the YAML is deleted", given()
                        .state(state(record("main.web", P, "c1", WEB, false)))
                        .live(live().pool("main", P).client("main.web", P, "c1", WEB))
                        .changes("main.web delete delete_because_removed_from_desired"))),
                Arguments.of(named("a client deleted outside cogform is re-created, shown as drift", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB))))
                        .state(state(record("main.web", P, "c1", WEB, false)))
                        .live(live().pool("main", P).missing("main.web"))
                        .drift("main.web deleted")
                        .changes("main.web create create_because_deleted_outside " + CREATE_FIELDS))),
                Arguments.of(named("a change outside cogform is drift and reverted", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB))))
                        .state(state(record("main.web", P, "c1", WEB, false)))
                        .live(live().pool("main", P).client("main.web", P, "c1", WEB_MORE_URLS))
                        .drift("main.web modified callback_urls")
                        .changes("main.web update update_because_settings_differ callback_urls"))),
                Arguments.of(named("a change outside cogform that matches the YAML is drift, recorded, no call", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB_MORE_URLS))))
                        .state(state(record("main.web", P, "c1", WEB, false)))
                        .live(live().pool("main", P).client("main.web", P, "c1", WEB_MORE_URLS))
                        .drift("main.web modified callback_urls")
                        .changes("main.web no-op in_sync")
                        .stateChanges("record_live main.web c1"))),
                Arguments.of(named("fields the YAML leaves at Cognito's default are implied resets", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB))))
                        .state(state(record("main.web", P, "c1", resettable, false)))
                        .live(live().pool("main", P).client("main.web", P, "c1", resettable))
                        .changes("main.web update update_because_settings_differ token_validity.access*,enable_token_revocation*"))),
                Arguments.of(named("ignore_changes keeps live values: no update, no drift", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB, ignore(AppClientField.CALLBACK_URLS)))))
                        .state(state(record("main.web", P, "c1", WEB, false)))
                        .live(live().pool("main", P).client("main.web", P, "c1", WEB_MORE_URLS))
                        .changes("main.web no-op in_sync"))),
                Arguments.of(named("ignore_changes of generate_secret avoids the replacement", given()
                        .desired(stack(poolById("main", P, client("main", "web", secret, ignore(AppClientField.GENERATE_SECRET)))))
                        .state(state(record("main.web", P, "c1", WEB, false)))
                        .live(live().pool("main", P).client("main.web", P, "c1", WEB))
                        .changes("main.web no-op in_sync"))),
                Arguments.of(named("prevent_destroy in the YAML refuses a replacement", given()
                        .desired(stack(poolById("main", P, client("main", "web", secret, protect()))))
                        .state(state(record("main.web", P, "c1", WEB, true)))
                        .live(live().pool("main", P).client("main.web", P, "c1", WEB))
                        .changes("main.web replace replace_because_create_only_field generate_secret")
                        .rules("lifecycle.prevent-destroy"))),
                Arguments.of(named("prevent_destroy recorded in state refuses a delete after removal from the YAML", given()
                        .state(state(record("main.web", P, "c1", WEB, true)))
                        .live(live().pool("main", P).client("main.web", P, "c1", WEB))
                        .changes("main.web delete delete_because_removed_from_desired")
                        .rules("lifecycle.prevent-destroy"))),
                Arguments.of(named("prevent_destroy only in state still refuses a replacement", given()
                        .desired(stack(poolById("main", P, client("main", "web", secret))))
                        .state(state(record("main.web", P, "c1", WEB, true)))
                        .live(live().pool("main", P).client("main.web", P, "c1", WEB))
                        .changes("main.web replace replace_because_create_only_field generate_secret")
                        .rules("lifecycle.prevent-destroy"))),
                Arguments.of(named("a protected client already gone is forgotten without refusal", given()
                        .state(state(record("main.web", P, "c1", WEB, true)))
                        .live(live().pool("main", P).missing("main.web"))
                        .drift("main.web deleted")
                        .changes("main.web delete delete_because_removed_from_desired"))),
                Arguments.of(named("turning prevent_destroy on is recorded in the state", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB, protect()))))
                        .state(state(record("main.web", P, "c1", WEB, false)))
                        .live(live().pool("main", P).client("main.web", P, "c1", WEB))
                        .changes("main.web no-op in_sync")
                        .stateChanges("record_prevent_destroy main.web c1"))),
                Arguments.of(named("a pending create whose client exists is adopted, not created again", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB))))
                        .state(withPending(state(), pending("main.web", P, "web", NOW)))
                        .live(live().pool("main", P).unmanaged(P, "c9", WEB, NOW.plusSeconds(1), true))
                        .stateChanges("adopt main.web c9")
                        .changes("main.web no-op in_sync"))),
                Arguments.of(named("an adopted client that differs from the YAML is then updated", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB_MORE_URLS))))
                        .state(withPending(state(), pending("main.web", P, "web", NOW)))
                        .live(live().pool("main", P).unmanaged(P, "c9", WEB, NOW, true))
                        .stateChanges("adopt main.web c9")
                        .changes("main.web update update_because_settings_differ callback_urls"))),
                Arguments.of(named("an interrupted replacement adopts the new client and deletes the old one", given()
                        .desired(stack(poolById("main", P, client("main", "web", secret))))
                        .state(withPending(state(record("main.web", P, "c1", WEB, false)), pending("main.web", P, "web", NOW)))
                        .live(live().pool("main", P).client("main.web", P, "c1", WEB)
                                .unmanaged(P, "c9", secret, NOW.plusSeconds(1), true))
                        .stateChanges("adopt main.web c9")
                        .changes("main.web no-op in_sync", "main.web delete delete_because_replaced"))),
                Arguments.of(named("an interrupted replacement whose old client is gone only adopts the new one", given()
                        .desired(stack(poolById("main", P, client("main", "web", secret))))
                        .state(withPending(state(record("main.web", P, "c1", WEB, false)), pending("main.web", P, "web", NOW)))
                        .live(live().pool("main", P).missing("main.web").unmanaged(P, "c9", secret, NOW.plusSeconds(1), true))
                        .stateChanges("adopt main.web c9")
                        .changes("main.web no-op in_sync"))),
                Arguments.of(named("without creation dates, the only unmanaged client of that name is adopted", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB))))
                        .state(withPending(state(), pending("main.web", P, "web", NOW)))
                        .live(live().pool("main", P).unmanaged(P, "c9", WEB, null, true))
                        .stateChanges("adopt main.web c9")
                        .changes("main.web no-op in_sync"))),
                Arguments.of(named("without creation dates, two candidates are refused", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB))))
                        .state(withPending(state(), pending("main.web", P, "web", NOW)))
                        .live(live().pool("main", P).unmanaged(P, "c8", WEB, null, true).unmanaged(P, "c9", WEB, null, true))
                        .rules("plan.pending-ambiguous", "plan.unmanaged-same-name", "plan.unmanaged-same-name")
                        .unmanaged(P + "/c8", P + "/c9"))),
                Arguments.of(named("a same-named client created long before the intent is not adopted", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB))))
                        .state(withPending(state(), pending("main.web", P, "web", NOW.minusSeconds(600))))
                        .live(live().pool("main", P).unmanaged(P, "c7", WEB, NOW.minusSeconds(3600), true))
                        .stateChanges("forget_pending main.web")
                        .changes("main.web create create_because_not_in_state " + CREATE_FIELDS)
                        // The create would duplicate c7's name: a warning suggests import_id instead.
                        .rules("plan.duplicate-name")
                        .unmanaged(P + "/c7"))),
                Arguments.of(named("a pending create that left nothing once its answer could no longer come is dropped"
                        + " and planned again", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB))))
                        .state(withPending(state(), pending("main.web", P, "web", NOW.minusSeconds(181))))
                        .stateChanges("forget_pending main.web")
                        .changes("main.web create create_because_not_in_state " + CREATE_FIELDS))),
                Arguments.of(named("a pending create that left nothing yet but may still land is in doubt: no create",
                        given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB))))
                        .state(withPending(state(), pending("main.web", P, "web", NOW.minusSeconds(179))))
                        .rules("plan.pending-in-doubt"))),
                Arguments.of(named("of a batch of intents, only the one after the last that made a client may be in"
                        + " flight; the later ones were never sent", given()
                        .desired(stack(poolById("main", P, client("main", "a", WEB.toBuilder().clientName("a").build()),
                                client("main", "b", WEB.toBuilder().clientName("b").build()),
                                client("main", "c", WEB.toBuilder().clientName("c").build()))))
                        .state(withPending(withPending(withPending(state(), pending("main.a", P, "a", NOW.minusSeconds(5))),
                                pending("main.b", P, "b", NOW.minusSeconds(5))), pending("main.c", P, "c", NOW.minusSeconds(5))))
                        .live(live().pool("main", P).unmanaged(P, "c1", WEB.toBuilder().clientName("a").build(),
                                NOW.minusSeconds(4), true))
                        .stateChanges("adopt main.a c1", "forget_pending main.c")
                        .changes("main.a no-op in_sync", "main.c create create_because_not_in_state " + CREATE_FIELDS)
                        .rules("plan.pending-in-doubt"))),
                Arguments.of(named("an unmanaged client named like a managed one is a warning", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB))))
                        .state(state(record("main.web", P, "c1", WEB, false)))
                        .live(live().pool("main", P).client("main.web", P, "c1", WEB)
                                .unmanaged(P, "c2", WEB, NOW, false))
                        .changes("main.web no-op in_sync")
                        .rules("plan.unmanaged-same-name")
                        .unmanaged(P + "/c2"))),
                Arguments.of(named("a pending create cannot be resolved without refresh", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB))))
                        .state(withPending(state(), pending("main.web", P, "web", NOW)))
                        .live(live().pool("main", P).fromState())
                        .rules("plan.pending-needs-refresh"))),
                Arguments.of(named("--target limits the plan to the targeted clients", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB_MORE_URLS), client("main", "api", WEB))))
                        .state(state(record("main.web", P, "c1", WEB, false)))
                        .live(live().pool("main", P).client("main.web", P, "c1", WEB))
                        .targets("main.web")
                        .changes("main.web update update_because_settings_differ callback_urls"))),
                Arguments.of(named("an unknown --target is an error", given()
                        .targets("main.nope")
                        .rules("plan.unknown-target"))),
                Arguments.of(named("clients nobody manages are reported, never deleted", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB))))
                        .state(state(record("main.web", P, "c1", WEB, false)))
                        .live(live().pool("main", P).client("main.web", P, "c1", WEB)
                                .unmanaged(P, "os1", AppClientSettings.defaults("opensearch"), null, false))
                        .changes("main.web no-op in_sync")
                        .unmanaged(P + "/os1"))),
                Arguments.of(named("a client that could not be read is neither re-created nor deleted", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB))))
                        .state(state(record("main.web", P, "c1", WEB, false), record("main.old", P, "c2", WEB, false)))
                        .live(live().pool("main", P).diagnostic(Diagnostic.error("refresh.read-failed", "main.web", "boom", null, null)))
                        .rules("refresh.read-failed"))),
                Arguments.of(named("import_id of a client like the YAML imports it with no update", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB).withImportId("c9"))))
                        .live(live().pool("main", P).unmanaged(P, "c9", WEB, NOW, true))
                        .stateChanges("import main.web c9")
                        .changes("main.web no-op in_sync importing c9"))),
                Arguments.of(named("import_id of a client unlike the YAML imports it, then updates it", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB_MORE_URLS).withImportId("c9"))))
                        .live(live().pool("main", P).unmanaged(P, "c9", WEB, NOW, true))
                        .stateChanges("import main.web c9")
                        .changes("main.web update update_because_settings_differ callback_urls importing c9"))),
                Arguments.of(named("import_id of the client the address manages is a no-op", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB).withImportId("c1"))))
                        .state(state(record("main.web", P, "c1", WEB, false)))
                        .live(live().pool("main", P).client("main.web", P, "c1", WEB))
                        .changes("main.web no-op in_sync"))),
                Arguments.of(named("import_id of another client than the managed one is an error", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB).withImportId("c9"))))
                        .state(state(record("main.web", P, "c1", WEB, false)))
                        .live(live().pool("main", P).client("main.web", P, "c1", WEB).unmanaged(P, "c9", WEB, NOW, true))
                        .rules("import.conflict")
                        .unmanaged(P + "/c9"))),
                Arguments.of(named("import_id of a client another address manages is refused", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB),
                                client("main", "copy", WEB).withImportId("c1"))))
                        .state(state(record("main.web", P, "c1", WEB, false)))
                        .live(live().pool("main", P).client("main.web", P, "c1", WEB))
                        .changes("main.web no-op in_sync")
                        .rules("import.already-managed"))),
                Arguments.of(named("import_id of a client not in the pool is refused, naming the pool that has it", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB).withImportId("c9")),
                                poolById("other", P2)))
                        .live(live().pool("main", P).pool("other", P2).unmanaged(P2, "c9", WEB, NOW, false))
                        .rules("import.not-found")
                        .unmanaged(P2 + "/c9"))),
                Arguments.of(named("import_id of a client with another generate_secret is refused", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB.toBuilder().generateSecret(true).build())
                                .withImportId("c9"))))
                        .live(live().pool("main", P).unmanaged(P, "c9", WEB, NOW, true))
                        .rules("import.create-only")
                        .unmanaged(P + "/c9"))),
                Arguments.of(named("import_id cannot be planned without refresh", given()
                        .desired(stack(poolById("main", P, client("main", "web", WEB).withImportId("c9"))))
                        .live(live().pool("main", P).fromState())
                        .rules("import.needs-refresh"))),
                Arguments.of(named("two pools plan independently, sorted by address", given()
                        .desired(stack(poolById("b", P2, client("b", "web", WEB)), poolById("a", P, client("a", "web", WEB))))
                        .live(live().pool("a", P).pool("b", P2))
                        .changes("a.web create create_because_not_in_state " + CREATE_FIELDS,
                                "b.web create create_because_not_in_state " + CREATE_FIELDS))));
    }

    static StateSnapshot withPending(StateSnapshot s, PendingCreate p) {
        return s.withPending(p);
    }

    @org.junit.jupiter.api.Test
    void pendingInDoubt_saysUntilWhen_andTheCommandThatForgetsIt() {
        Plan plan = Planner.plan(stack(poolById("main", P, client("main", "web", WEB))),
                withPending(state(), pending("main.web", P, "web", NOW.minusSeconds(30))),
                live().pool("main", P).build(), new PlanOptions(Set.of(), NOW, "t"));

        assertThat(plan.errored()).isTrue();
        assertThat(plan.changes()).isEmpty();
        Diagnostic d = plan.diagnostics().get(0);
        assertThat(d.message()).contains("sent at 2024-05-01T11:59:30Z", "may still land until 2024-05-01T12:02:30Z");
        assertThat(d.hint()).contains("cogform state forget-pending main.web");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plan(Case c) {
        Plan plan = Planner.plan(c.desired, c.state, c.live, new PlanOptions(c.targets, NOW, "test"));

        assertThat(plan.changes()).extracting(PlannerTest::show).as("changes").containsExactlyElementsOf(c.changes);
        assertThat(plan.drift()).extracting(PlannerTest::show).as("drift").containsExactlyElementsOf(c.drift);
        assertThat(plan.stateChanges()).extracting(s -> s.kind().code() + " " + s.address()
                + (s.record() != null ? " " + s.record().clientId() : "")).as("state changes")
                .containsExactlyElementsOf(c.stateChanges);
        assertThat(plan.diagnostics()).extracting(Diagnostic::rule).as("diagnostics").containsExactlyElementsOf(c.rules);
        assertThat(plan.unmanaged()).extracting(u -> u.poolId() + "/" + u.clientId()).as("unmanaged")
                .containsExactlyElementsOf(c.unmanaged);
        assertThat(plan.digest()).isEqualTo(PlanFile.digest(plan));
    }

    static String show(ResourceChange c) {
        String fields = c.diffs().stream().map(d -> d.field().key() + (d.impliedReset() ? "*" : ""))
                .collect(Collectors.joining(","));
        return c.address() + " " + c.action().word() + " " + c.reason().code() + (fields.isEmpty() ? "" : " " + fields)
                + c.importing().map(id -> " importing " + id).orElse("");
    }

    static String show(Drift d) {
        String fields = d.diffs().stream().map(x -> x.field().key()).collect(Collectors.joining(","));
        return d.address() + " " + d.kind().word() + (fields.isEmpty() ? "" : " " + fields);
    }

    @Test
    void plan_whenIgnoredFieldsDiffer_sendsLiveValuesForThem() {
        DesiredState desired = stack(poolById("main", P,
                client("main", "web", WEB.toBuilder().idTokenValiditySeconds(600).build(), ignore(AppClientField.CALLBACK_URLS))));
        Plan plan = Planner.plan(desired, state(record("main.web", P, "c1", WEB, false)),
                live().pool("main", P).client("main.web", P, "c1", WEB_MORE_URLS).build(),
                new PlanOptions(Set.of(), NOW, "test"));

        ResourceChange change = plan.changes().get(0);
        assertThat(change.action()).isEqualTo(Action.UPDATE);
        assertThat(change.planned().orElseThrow().callbackUrls()).isEqualTo(WEB_MORE_URLS.callbackUrls());
        assertThat(change.planned().orElseThrow().idTokenValiditySeconds()).isEqualTo(600);
        assertThat(change.diffs()).extracting(d -> d.field().key()).containsExactly("token_validity.id");
    }

    @Test
    void plan_whenDriftChangedAFieldTheYamlSetsToTheDefault_isNoImpliedReset() {
        AppClientSettings drifted = WEB.toBuilder().accessTokenValiditySeconds(7200).enableTokenRevocation(false).build();
        SourcePosition at = new SourcePosition("cogform.yaml", 10, 5);
        // token_validity.access: 1h is written in the YAML (Cognito's default); enable_token_revocation is left out.
        FieldSources sources = new FieldSources(new Location("pools.main.clients.web", at),
                Map.of("token_validity.access", new Location("pools.main.clients.web.token_validity.access", at)),
                Map.of());
        DesiredClient web = new DesiredClient(new ClientAddress("main", "web"), WEB, Lifecycle.DEFAULT, at, sources);

        Plan plan = Planner.plan(stack(poolById("main", P, web)), state(record("main.web", P, "c1", WEB, false)),
                live().pool("main", P).client("main.web", P, "c1", drifted).build(), new PlanOptions(Set.of(), NOW, "t"));

        assertThat(plan.changes()).extracting(PlannerTest::show)
                .containsExactly("main.web update update_because_settings_differ token_validity.access,enable_token_revocation*");
    }

    @Test
    void preventDestroy_refusal_pointsAtWhereTheYamlSetsIt_orNamesTheFieldPathOfAClientGoneFromIt() {
        AppClientSettings secret = WEB.toBuilder().generateSecret(true).build();
        SourcePosition client = new SourcePosition("cogform.yaml", 12, 5);
        SourcePosition inDefaults = new SourcePosition("cogform.yaml", 8, 26);
        FieldSources sources = new FieldSources(new Location("pools.main.clients.web", client),
                Map.of("lifecycle.prevent_destroy", new Location("pools.main.defaults.lifecycle.prevent_destroy", inDefaults)),
                Map.of());
        DesiredClient protectedByDefaults = new DesiredClient(new ClientAddress("main", "web"), secret,
                new Lifecycle(true, Set.of()), client, sources);

        Plan replace = Planner.plan(stack(poolById("main", P, protectedByDefaults)),
                state(record("main.web", P, "c1", WEB, true)),
                live().pool("main", P).client("main.web", P, "c1", WEB).build(), new PlanOptions(Set.of(), NOW, "t"));
        Plan delete = Planner.plan(stack(poolById("main", P)), state(record("main.web", P, "c1", WEB, true)),
                live().pool("main", P).client("main.web", P, "c1", WEB).build(), new PlanOptions(Set.of(), NOW, "t"));

        assertThat(replace.diagnostics()).filteredOn(d -> d.rule().equals("lifecycle.prevent-destroy"))
                .extracting(Diagnostic::path, Diagnostic::at)
                .containsExactly(tuple("pools.main.defaults.lifecycle.prevent_destroy", inDefaults));
        assertThat(delete.diagnostics()).filteredOn(d -> d.rule().equals("lifecycle.prevent-destroy"))
                .extracting(Diagnostic::path, Diagnostic::at)
                .containsExactly(tuple("pools.main.clients.web.lifecycle.prevent_destroy", null));
    }

    @Test
    void plan_requiredAttributesCognitoAdded_areNoChange_andTheYamlIsWarned() {
        AppClientSettings writesName = WEB.toBuilder().writeAttributes(List.of("name")).build();
        AppClientSettings stored = writesName.toBuilder().writeAttributes(List.of("email", "name")).build();

        Plan plan = Planner.plan(stack(poolById("main", P, client("main", "web", writesName))),
                state(record("main.web", P, "c1", stored, false)),
                live().pool("main", P).schema(P, "email").client("main.web", P, "c1", stored).build(),
                new PlanOptions(Set.of(), NOW, "t"));

        assertThat(plan.changes()).singleElement().satisfies(c -> assertThat(c.action()).isEqualTo(Action.NO_OP));
        assertThat(plan.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo("attributes.required-writable");
            assertThat(d.isError()).isFalse();
            assertThat(d.path()).isEqualTo("pools.main.clients.web.write_attributes");
            assertThat(d.message()).isEqualTo("write_attributes leaves out 'email', required attribute of pool " + P
                    + "; Cognito makes required attributes writable, so the plan includes it");
        });
    }

    @Test
    void plan_createsWithTheRequiredAttributes_onlyWhenWriteAttributesAreGiven() {
        AppClientSettings writesName = WEB.toBuilder().writeAttributes(List.of("name")).build();
        AppClientSettings writesAll = WEB.toBuilder().writeAttributes(List.of("email", "family_name", "name")).build();

        Plan plan = Planner.plan(stack(poolById("main", P, client("main", "a", writesName), client("main", "b", WEB),
                        client("main", "c", writesAll))), state(),
                live().pool("main", P).schema(P, "email", "family_name").build(), new PlanOptions(Set.of(), NOW, "t"));

        assertThat(plan.changes()).extracting(c -> c.planned().orElseThrow().writeAttributes().toString())
                .containsExactly("[email, family_name, name]", "[]", "[email, family_name, name]");
        assertThat(plan.diagnostics()).extracting(Diagnostic::rule).containsExactly("attributes.required-writable");
        assertThat(plan.diagnostics().get(0).message()).startsWith(
                "write_attributes leaves out 'email', 'family_name', required attributes of pool");
    }

    @Test
    void plan_whenTheYamlDropsAWriteAttribute_stillUpdates_withTheRequiredOnesKept() {
        AppClientSettings before = WEB.toBuilder().writeAttributes(List.of("email", "name", "nickname")).build();
        AppClientSettings after = WEB.toBuilder().writeAttributes(List.of("name")).build();

        Plan plan = Planner.plan(stack(poolById("main", P, client("main", "web", after))),
                state(record("main.web", P, "c1", before, false)),
                live().pool("main", P).schema(P, "email").client("main.web", P, "c1", before).build(),
                new PlanOptions(Set.of(), NOW, "t"));

        AttributeDiff diff = plan.changes().get(0).diffs().get(0);
        assertThat(diff.field()).isEqualTo(AppClientField.WRITE_ATTRIBUTES);
        assertThat(diff.removed()).containsExactly("nickname");
        assertThat(diff.added()).isEmpty();
    }

    @Test
    void plan_whenSetChanges_diffListsAddedAndRemovedElements() {
        AppClientSettings after = WEB.toBuilder().callbackUrls(List.of("https://new.example.com/cb")).build();
        Plan plan = Planner.plan(stack(poolById("main", P, client("main", "web", after))),
                state(record("main.web", P, "c1", WEB, false)),
                live().pool("main", P).client("main.web", P, "c1", WEB).build(), new PlanOptions(Set.of(), NOW, "t"));

        AttributeDiff diff = plan.changes().get(0).diffs().get(0);
        assertThat(diff.added()).containsExactly("https://new.example.com/cb");
        assertThat(diff.removed()).containsExactly("https://app.example.com/callback");
    }

    @Test
    void plan_whenReplacing_marksIdentityChangeAndKeepsOldClientForDeletion() {
        Plan plan = Planner.plan(stack(poolById("main", P2, client("main", "web", WEB))),
                state(record("main.web", P, "c1", WEB, false)),
                live().pool("main", P2).client("main.web", P, "c1", WEB).build(), new PlanOptions(Set.of(), NOW, "t"));

        ResourceChange c = plan.changes().get(0);
        assertThat(c.changesIdentity()).isTrue();
        assertThat(c.poolId()).isEqualTo(P2);
        assertThat(c).isInstanceOfSatisfying(ResourceChange.Replace.class, r -> {
            assertThat(r.prior().poolId()).isEqualTo(P);
            assertThat(r.prior().clientId()).isEqualTo("c1");
        });
    }

    @Test
    void plan_isDeterministic_sameInputsSameDigest() {
        DesiredState desired = stack(poolById("main", P, client("main", "web", WEB_MORE_URLS), client("main", "api", WEB)));
        StateSnapshot state = state(record("main.web", P, "c1", WEB, false));
        LiveSnapshot live = live().pool("main", P).client("main.web", P, "c1", WEB).build();

        Plan a = Planner.plan(desired, state, live, new PlanOptions(Set.of(), NOW, "t"));
        Plan b = Planner.plan(desired, state, live, new PlanOptions(Set.of(), NOW, "t"));
        Plan later = Planner.plan(desired, state, live, new PlanOptions(Set.of(), NOW.plusSeconds(1), "t"));

        assertThat(a).isEqualTo(b);
        assertThat(a.digest()).startsWith("sha256:").isNotEqualTo(later.digest());
    }

    @Test
    void plan_recordsWhatItWasMadeFrom() {
        StateSnapshot state = state(record("main.web", P, "c1", WEB, false));
        DesiredState desired = stack(poolById("main", P, client("main", "web", WEB_MORE_URLS)));
        Plan plan = Planner.plan(desired, state, live().pool("main", P).client("main.web", P, "c1", WEB).build(),
                new PlanOptions(Set.of(), NOW, "9.9"));

        assertThat(plan.basedOn()).isEqualTo(new StateBasis("lineage-1", 3, StateBasis.checksum(state)));
        assertThat(plan.desiredDigest()).isEqualTo(desired.digest());
        assertThat(plan.toolVersion()).isEqualTo("9.9");
        assertThat(plan.createdAt()).isEqualTo(NOW);
        assertThat(plan.refreshed()).isTrue();
        assertThat(plan.changes().get(0).existing().orElseThrow().liveFingerprint())
                .isEqualTo(dev.cogform.core.model.SettingsJson.fingerprint(WEB));
    }

    @Test
    void stateChecksum_changesWithContent_notWithMapOrder() {
        StateSnapshot one = state(record("main.a", P, "c1", WEB, false), record("main.b", P, "c2", WEB, false));
        StateSnapshot same = state(record("main.b", P, "c2", WEB, false), record("main.a", P, "c1", WEB, false));
        StateSnapshot other = state(record("main.a", P, "c1", WEB, true), record("main.b", P, "c2", WEB, false));

        assertThat(StateBasis.checksum(one)).isEqualTo(StateBasis.checksum(same)).isNotEqualTo(StateBasis.checksum(other));
    }
}
