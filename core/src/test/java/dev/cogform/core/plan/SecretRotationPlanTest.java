package dev.cogform.core.plan;

import static dev.cogform.core.testing.LiveBuilder.live;
import static dev.cogform.core.testing.TestStacks.client;
import static dev.cogform.core.testing.TestStacks.poolById;
import static dev.cogform.core.testing.TestStacks.stack;
import static dev.cogform.core.testing.TestStacks.web;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.core.desired.DesiredClient;
import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.desired.SecretRotation;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.model.SecretDescriptor;
import dev.cogform.core.state.ClientRecord;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.core.testing.LiveBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The planner's secret steps: pure, from a desired client, a record and the listed secrets. */
class SecretRotationPlanTest {

    static final String P = "eu-west-1_main";
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    static final AppClientSettings WEB = web("web").toBuilder().generateSecret(true).build();
    static final ClientAddress ADDRESS = ClientAddress.parse("main.web");
    static final SecretRotation EVERY_90_OVERLAP_7 = new SecretRotation(90 * 86_400, 7 * 86_400);

    static SecretDescriptor secret(String id, int daysOld) {
        return new SecretDescriptor(id, NOW.minus(Duration.ofDays(daysOld)));
    }

    static DesiredState desired(SecretRotation rotation, AppClientSettings settings) {
        DesiredClient c = client("main", "web", settings);
        return stack(poolById("main", P, rotation == null ? c : c.withSecretRotation(rotation)));
    }

    static StateSnapshot state(SecretDescriptor... recorded) {
        ClientRecord r = new ClientRecord(ADDRESS, P, "c1", WEB.clientName(), WEB,
                dev.cogform.core.model.SettingsJson.fingerprint(WEB), false, Instant.parse("2024-01-01T00:00:00Z"),
                List.of(recorded));
        return new StateSnapshot("lineage", 3, Map.of(ADDRESS, r), List.of());
    }

    static LiveBuilder liveWith(SecretDescriptor... listed) {
        return live().pool("main", P).client("main.web", P, "c1", WEB).secrets("main.web", listed);
    }

    static Plan plan(DesiredState desired, StateSnapshot state, LiveBuilder live, Set<ClientAddress> rotate) {
        return Planner.plan(desired, state, live.build(), new PlanOptions(Set.of(), NOW, "test", null, rotate));
    }

    static List<String> steps(Plan plan) {
        return plan.secretChanges().stream().map(s -> s.address() + " " + s.kind().code() + " " + s.reason().code()
                + (s.secretId() != null ? " " + s.secretId() : "") + " " + s.newestAgeDays() + "d").toList();
    }

    static List<String> rules(Plan plan) {
        return plan.diagnostics().stream().map(Diagnostic::rule).toList();
    }

    @Test
    void aSecretOlderThanEvery_isRotated_withItsAge() {
        Plan plan = plan(desired(EVERY_90_OVERLAP_7, WEB), state(), liveWith(secret("s0", 93)), Set.of());
        assertThat(steps(plan)).containsExactly("main.web rotate age 93d");
        assertThat(plan.secretChanges().get(0).seen()).containsExactly(secret("s0", 93));
        assertThat(plan.diagnostics()).isEmpty();
        assertThat(plan.applyable()).isTrue();
        assertThat(plan.hasChanges()).isTrue();
    }

    @Test
    void aYoungerSecret_isLeftAlone_andThePlanHasNoChanges() {
        Plan plan = plan(desired(EVERY_90_OVERLAP_7, WEB), state(), liveWith(secret("s0", 89)), Set.of());
        assertThat(plan.secretChanges()).isEmpty();
        assertThat(plan.hasChanges()).isFalse();
    }

    @Test
    void twoSecrets_theOlderIsDeletedOnlyOnceTheNewestIsOverlapOld() {
        Plan during = plan(desired(EVERY_90_OVERLAP_7, WEB), state(), liveWith(secret("s0", 100), secret("s1", 6)), Set.of());
        assertThat(during.secretChanges()).isEmpty();
        Plan after = plan(desired(EVERY_90_OVERLAP_7, WEB), state(), liveWith(secret("s0", 100), secret("s1", 7)), Set.of());
        assertThat(steps(after)).containsExactly("main.web delete-old overlap-over s0 7d");
    }

    @Test
    void rotateSecret_rotatesNowWhateverTheAge_evenWithoutSecretRotation() {
        Plan plan = plan(desired(null, WEB), state(), liveWith(secret("s0", 2)), Set.of(ADDRESS));
        assertThat(steps(plan)).containsExactly("main.web rotate requested 2d");
    }

    @Test
    void aThirdSecret_isRefusedAtPlanTime_atTheSecretRotationLine() {
        Plan plan = plan(desired(EVERY_90_OVERLAP_7, WEB), state(), liveWith(secret("s0", 10), secret("s1", 3)),
                Set.of(ADDRESS));
        assertThat(plan.secretChanges()).isEmpty();
        assertThat(rules(plan)).containsExactly("secret.limit");
        Diagnostic d = plan.diagnostics().get(0);
        assertThat(d.message()).contains("has two client secrets already (s0, s1)").contains("at most two");
        assertThat(d.hint()).contains("7d").contains("3 days old");
        assertThat(plan.applyable()).isFalse();
    }

    @Test
    void dueRotationWithTwoSecretsPastOverlap_deletesTheOlderFirst_thenRotates() {
        Plan plan = plan(desired(EVERY_90_OVERLAP_7, WEB), state(), liveWith(secret("s0", 200), secret("s1", 95)), Set.of());
        assertThat(steps(plan)).containsExactly("main.web delete-old overlap-over s0 95d", "main.web rotate age 95d");
        assertThat(plan.diagnostics()).isEmpty();
    }

    @Test
    void secretsThatMovedOnSinceTheState_areRecordedFirst_withoutAThirdSecret() {
        // An apply added s1 and crashed before writing the state: the state still says s0 alone.
        Plan plan = plan(desired(EVERY_90_OVERLAP_7, WEB), state(secret("s0", 93)),
                liveWith(secret("s0", 93), secret("s1", 0)), Set.of());
        assertThat(plan.secretChanges()).isEmpty();
        assertThat(plan.stateChanges()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(StateChange.Kind.RECORD_SECRETS);
            assertThat(c.record().secrets()).extracting(SecretDescriptor::id).containsExactly("s0", "s1");
        });
    }

    @Test
    void rotateSecret_ofAClientWithoutSecret_orNotManaged_orNotInTheYaml_isAnError() {
        AppClientSettings publicClient = web("web");
        assertThat(rules(plan(desired(null, publicClient), state(), liveWith(secret("s0", 1)), Set.of(ADDRESS))))
                .containsExactly("secret.rotate-target");
        assertThat(rules(plan(desired(null, WEB), new StateSnapshot("lineage", 0, Map.of(), List.of()),
                live().pool("main", P), Set.of(ADDRESS)))).containsExactly("secret.rotate-target");
        assertThat(rules(plan(desired(null, WEB), state(), liveWith(secret("s0", 1)),
                Set.of(ClientAddress.parse("main.nope"))))).containsExactly("secret.rotate-target");
        assertThat(rules(plan(desired(null, WEB), state(), liveWith().fromState(), Set.of(ADDRESS))))
                .containsExactly("secret.needs-refresh");
    }

    @Test
    void withoutRefresh_noRotationIsPlanned() {
        Plan plan = plan(desired(EVERY_90_OVERLAP_7, WEB), state(), liveWith(secret("s0", 400)).fromState(), Set.of());
        assertThat(plan.secretChanges()).isEmpty();
        assertThat(plan.diagnostics()).isEmpty();
    }

    @Test
    void aSavedPlanKeepsItsSecretSteps_withIdsAndDatesButNoValue() {
        Plan plan = plan(desired(EVERY_90_OVERLAP_7, WEB), state(), liveWith(secret("s0", 100), secret("s1", 95)), Set.of());
        String text = PlanFile.write(plan);
        Plan read = PlanFile.read(text);
        assertThat(read.secretChanges()).isEqualTo(plan.secretChanges());
        assertThat(read.digest()).isEqualTo(plan.digest());
        assertThat(PlanFile.formatVersion(plan)).isEqualTo("1.2");
        assertThat(text).contains("\"secret_changes\"").contains("\"seen\"").doesNotContainIgnoringCase("secret_value");
    }
}
