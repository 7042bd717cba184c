package dev.cogform.core.plan;

import static dev.cogform.core.testing.LiveBuilder.live;
import static dev.cogform.core.testing.TestStacks.client;
import static dev.cogform.core.testing.TestStacks.poolById;
import static dev.cogform.core.testing.TestStacks.stack;
import static dev.cogform.core.testing.TestStacks.web;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogform.core.model.Analytics;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.RefreshTokenRotation;
import dev.cogform.core.state.PendingCreate;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanFileTest {

    static final String P = PlannerTest.P;
    static final Instant NOW = PlannerTest.NOW;

    /** A plan with every part filled: all actions, drift, a state change, unmanaged, a diagnostic. */
    static Plan fullPlan() {
        AppClientSettings web = web("web");
        AppClientSettings struct = web.toBuilder()
                .analytics(new Analytics(null, "arn:aws:mobiletargeting:eu-west-1:1:apps/x", null, null, true))
                .refreshTokenRotation(new RefreshTokenRotation(RefreshTokenRotation.ENABLED, 10)).build();
        var desired = stack(poolById("main", P,
                client("main", "web", struct),
                client("main", "api", web("api").toBuilder().generateSecret(true).build()),
                client("main", "new", web("new")),
                client("main", "adopted", web("adopted"))));
        var state = PlannerTest.state(
                PlannerTest.record("main.web", P, "c1", web, false),
                PlannerTest.record("main.api", P, "c2", web("api"), false),
                PlannerTest.record("main.old", P, "c3", web("old"), false))
                .withPending(new PendingCreate(dev.cogform.core.model.ClientAddress.parse("main.adopted"), P, "adopted", NOW));
        var live = live().pool("main", P)
                .client("main.web", P, "c1", web.toBuilder().idTokenValiditySeconds(60).build())
                .client("main.api", P, "c2", web("api"))
                .client("main.old", P, "c3", web("old"))
                .unmanaged(P, "c9", web("adopted"), NOW, true)
                .unmanaged(P, "os", AppClientSettings.defaults("opensearch"), null, false);
        return Planner.plan(desired, state, live.build(), new PlanOptions(Set.of(), NOW, "1.2.3"));
    }

    @Test
    void write_thenRead_givesTheSamePlan() {
        Plan plan = fullPlan();

        Plan read = PlanFile.read(PlanFile.write(plan));

        assertThat(read).isEqualTo(plan);
        assertThat(plan.changes()).extracting(c -> c.action()).contains(Action.CREATE, Action.UPDATE, Action.REPLACE,
                Action.DELETE);
        assertThat(plan.drift()).isNotEmpty();
        assertThat(plan.stateChanges()).isNotEmpty();
        assertThat(plan.unmanaged()).isNotEmpty();
    }

    @Test
    void aCreateWithASecret_forcesNoReplacement_onlyAReplaceHasReplacePaths() throws Exception {
        var desired = stack(poolById("main", P,
                client("main", "fresh", web("fresh").toBuilder().generateSecret(true).build()),
                client("main", "api", web("api").toBuilder().generateSecret(true).build())));
        var state = PlannerTest.state(PlannerTest.record("main.api", P, "c2", web("api"), false));
        var live = live().pool("main", P).client("main.api", P, "c2", web("api")).build();
        Plan plan = Planner.plan(desired, state, live, new PlanOptions(Set.of(), NOW, "1.2.3"));

        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(PlanFile.write(plan));

        var changes = json.get("resource_changes");
        assertThat(changes.get(1).get("address").asText()).isEqualTo("main.fresh");
        assertThat(changes.get(1).get("action").asText()).isEqualTo("create");
        assertThat(changes.get(1).get("replace_paths")).isEmpty();
        assertThat(changes.get(1).get("diffs").findValues("forces_replacement")).extracting(n -> n.asBoolean())
                .containsOnly(false);
        assertThat(changes.get(0).get("action").asText()).isEqualTo("replace");
        assertThat(changes.get(0).get("replace_paths").toString()).isEqualTo("[[\"generate_secret\"]]");
    }

    @Test
    void read_refusesAnEditedPlan() {
        String json = PlanFile.write(fullPlan()).replace("\"https://app.example.com/callback\"", "\"https://evil.example/cb\"");

        assertThatThrownBy(() -> PlanFile.read(json)).hasMessageContaining("does not match its digest");
    }

    @Test
    void read_refusesAnotherMajorVersion_andNonPlans() {
        String json = PlanFile.write(fullPlan()).replace("\"format_version\" : \"1.1\"", "\"format_version\" : \"2.0\"");

        assertThatThrownBy(() -> PlanFile.read(json)).hasMessageContaining("plan format 2.0 is not supported");
        assertThatThrownBy(() -> PlanFile.read("{\"lineage\": 1}")).hasMessageContaining("not a cogform plan");
        assertThatThrownBy(() -> PlanFile.read("nope")).hasMessageContaining("invalid JSON");
        assertThatThrownBy(() -> PlanFile.read("{\n  \"format_version\": ")).hasMessageContaining("invalid JSON")
                .hasMessageContaining("at line 2").hasMessageNotContaining("Source");
    }

    @Test
    void write_usesTerraformsActionEncoding_andReplacePaths() {
        String json = PlanFile.write(fullPlan());

        assertThat(json).contains("\"actions\" : [ \"create\", \"delete\" ]")
                .contains("\"replace_paths\" : [ [ \"generate_secret\" ] ]")
                .contains("\"action_reason\" : \"replace_because_create_only_field\"")
                .contains("\"format_version\" : \"1.1\"");
    }

    @Test
    void digest_coversEveryMember() {
        Plan plan = fullPlan();
        Plan other = plan.withDigest(null);
        Plan fewerTargets = new Plan(plan.toolVersion(), plan.createdAt(), plan.refreshed(), !plan.sandbox(),
                plan.desiredDigest(), plan.basedOn(), plan.targets(), plan.changes(), plan.drift(), plan.stateChanges(),
                plan.unmanaged(), List.of(), null);

        assertThat(PlanFile.digest(other)).isEqualTo(plan.digest());
        assertThat(PlanFile.digest(fewerTargets)).isNotEqualTo(plan.digest());
    }

    @Test
    void everyStructField_namesTheRecordItsJsonIsReadAs() {
        assertThat(java.util.Arrays.stream(dev.cogform.core.model.AppClientField.values())
                .filter(f -> f.kind() == dev.cogform.core.model.AppClientField.Kind.STRUCT))
                .allSatisfy(f -> assertThat(f.type()).as(f.key()).isIn(dev.cogform.core.model.Analytics.class,
                        dev.cogform.core.model.RefreshTokenRotation.class));
    }
}
