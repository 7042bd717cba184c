package dev.cogform.core.plan;

import static dev.cogform.core.plan.PlannerTest.P;
import static dev.cogform.core.plan.PlannerTest.P2;
import static dev.cogform.core.plan.PlannerTest.NOW;
import static dev.cogform.core.plan.PlannerTest.pending;
import static dev.cogform.core.plan.PlannerTest.record;
import static dev.cogform.core.plan.PlannerTest.state;
import static dev.cogform.core.plan.PlannerTest.withPending;
import static dev.cogform.core.testing.LiveBuilder.live;
import static dev.cogform.core.testing.TestStacks.client;
import static dev.cogform.core.testing.TestStacks.poolById;
import static dev.cogform.core.testing.TestStacks.protect;
import static dev.cogform.core.testing.TestStacks.stack;
import static dev.cogform.core.testing.TestStacks.web;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.core.model.AppClientSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Saved plans outlive the cogform that wrote them: files written by earlier versions of the format
 * are kept in {@code src/test/resources/planfile/} and must still load, and the same plan must still
 * be written byte for byte as it was. Rewrite a file only with {@code -Dgolden.update=true} and only
 * together with a new format version.
 */
class PlanFileFormatTest {

    private static final Path ROOT = Path.of("src", "test", "resources", "planfile");

    /** The cases {@link PlanFileTest#fullPlan} leaves out: recovery from interrupted applies, and refusals. */
    static Plan recoveryPlan() {
        AppClientSettings secret = web("web").toBuilder().generateSecret(true).build();
        var desired = stack(
                poolById("main", P,
                        client("main", "web", secret),
                        client("main", "back", web("back")),
                        client("main", "locked", web("locked").toBuilder().generateSecret(true).build(), protect())),
                poolById("other", P2, client("other", "moved", web("moved"))));
        var state = withPending(state(
                record("main.web", P, "c1", web("web"), false),
                record("main.gone", P, "c2", web("gone"), true),
                record("main.back", P, "c4", web("back"), false),
                record("main.locked", P, "c5", web("locked"), true),
                record("other.moved", P, "c3", web("moved"), false)), pending("main.web", P, "web", NOW));
        var live = live().pool("main", P).pool("other", P2)
                .client("main.web", P, "c1", web("web"))
                .unmanaged(P, "c9", secret, NOW.plusSeconds(1), true)
                .missing("main.gone")
                .missing("main.back")
                .client("main.locked", P, "c5", web("locked"))
                .client("other.moved", P, "c3", web("moved"));
        return Planner.plan(desired, state, live.build(), new PlanOptions(Set.of(), NOW, "1.2.3"));
    }

    /** Format 1.1: a client imported as it is, and one imported and then updated. */
    static Plan importPlan() {
        var desired = stack(poolById("main", P,
                client("main", "web", web("web")).withImportId("c9"),
                client("main", "api", web("api").toBuilder().accessTokenValiditySeconds(1800).build()).withImportId("c8")));
        var live = live().pool("main", P)
                .unmanaged(P, "c9", web("web"), NOW, true)
                .unmanaged(P, "c8", web("api"), NOW, true);
        return Planner.plan(desired, state(), live.build(), new PlanOptions(Set.of(), NOW, "1.2.3"));
    }

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("v1.0-full.json", Named.of("every action, drift, state change, unmanaged",
                        PlanFileTest.fullPlan())),
                Arguments.of("v1.0-recovery.json", Named.of("interrupted replacement, re-create, refusal",
                        recoveryPlan())),
                Arguments.of("v1.1-import.json", Named.of("imports, one with an update", importPlan())));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("files")
    void aSavedPlan_loads_andIsWrittenTheSameWay(String file, Plan plan) throws IOException {
        Path path = ROOT.resolve(file);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(path, PlanFile.write(plan));
        }
        String saved = Files.readString(path);

        assertThat(PlanFile.read(saved)).isEqualTo(plan);
        assertThat(PlanFile.write(plan)).isEqualTo(saved);
    }
}
