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
import static org.assertj.core.api.Assertions.tuple;

import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.model.AppClientSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /** Format 1.2: a client imported as it is, and one imported and then updated. */
    static Plan importPlan() {
        var desired = stack(poolById("main", P,
                client("main", "web", web("web")).withImportId("c9"),
                client("main", "api", web("api").toBuilder().accessTokenValiditySeconds(1800).build()).withImportId("c8")));
        var live = live().pool("main", P)
                .unmanaged(P, "c9", web("web"), NOW, true)
                .unmanaged(P, "c8", web("api"), NOW, true);
        return Planner.plan(desired, state(), live.build(), new PlanOptions(Set.of(), NOW, "1.2.3"));
    }

    /** A plan made in git, on a GitHub pull_request run: format 1.1 adds {@code git} and {@code source_lines}. */
    static Plan gitPlan() {
        Plan plan = PlanFileTest.fullPlan();
        var git = new GitProvenance("0123456789abcdef0123456789abcdef01234567", null, "stacks/prod",
                "89abcdef0123456789abcdef0123456789abcdef", true, "https://github.com/example/infra.git",
                new GitProvenance.PullRequest(42, "fedcba9876543210fedcba9876543210fedcba98",
                        "1111111111111111111111111111111111111111"),
                java.util.Map.of("stacks/prod/cogform.yaml", "2222222222222222222222222222222222222222",
                        "stacks/prod/prod.yaml", "3333333333333333333333333333333333333333"));
        var sources = java.util.Map.of(dev.cogform.core.model.ClientAddress.parse("main.web"),
                new SourceLines("cogform.yaml", 12, java.util.Map.of("callback_urls", 14, "token_validity.refresh", 5)));
        Plan stamped = new Plan(plan.toolVersion(), plan.createdAt(), plan.refreshed(), plan.sandbox(),
                plan.desiredDigest(), plan.basedOn(), plan.targets(), plan.changes(), plan.drift(), plan.stateChanges(),
                plan.unmanaged(), plan.diagnostics(), git, sources, null);
        return stamped.withDigest(PlanFile.digest(stamped));
    }

    /** Format 1.2: a rotation, an old secret deleted, and secrets recorded after an interrupted apply. */
    static Plan secretsPlan() {
        var rotation = new dev.cogform.core.desired.SecretRotation(90 * 86_400, 7 * 86_400);
        var secret = web("web").toBuilder().generateSecret(true).build();
        var other = web("api").toBuilder().generateSecret(true).build();
        var desired = stack(poolById("main", P, client("main", "web", secret).withSecretRotation(rotation),
                client("main", "api", other).withSecretRotation(rotation)));
        java.util.function.Function<Integer, java.time.Instant> daysAgo = d -> NOW.minus(java.time.Duration.ofDays(d));
        var web = new dev.cogform.core.model.SecretDescriptor("c1-0", daysAgo.apply(200));
        var webNew = new dev.cogform.core.model.SecretDescriptor("c1-5", daysAgo.apply(95));
        var api = new dev.cogform.core.model.SecretDescriptor("c2-0", daysAgo.apply(93));
        var apiAdded = new dev.cogform.core.model.SecretDescriptor("c2-7", daysAgo.apply(0));
        var state = state(record("main.web", P, "c1", secret, false).withSecrets(List.of(web, webNew)),
                record("main.api", P, "c2", other, false).withSecrets(List.of(api)));
        var live = live().pool("main", P).client("main.web", P, "c1", secret).client("main.api", P, "c2", other)
                .secrets("main.web", web, webNew).secrets("main.api", api, apiAdded);
        return Planner.plan(desired, state, live.build(), new PlanOptions(Set.of(), NOW, "1.2.3"));
    }

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("v1.1-full.json", Named.of("every action, drift, state change, unmanaged",
                        PlanFileTest.fullPlan())),
                Arguments.of("v1.1-recovery.json", Named.of("interrupted replacement, re-create, refusal",
                        recoveryPlan())),
                Arguments.of("v1.1-git.json", Named.of("made in git on a pull request, with source lines", gitPlan())),
                Arguments.of("v1.2-import.json", Named.of("imports, one with an update", importPlan())),
                Arguments.of("v1.2-secrets.json", Named.of("secret rotation steps and recorded secrets", secretsPlan())));
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

    static Stream<Arguments> olderFiles() {
        return Stream.of(
                Arguments.of("v1.0-full.json", Named.of("every action, drift, state change, unmanaged",
                        PlanFileTest.fullPlan())),
                Arguments.of("v1.0-recovery.json", Named.of("interrupted replacement, re-create, refusal",
                        recoveryPlan())));
    }

    /** Format 1.0 files (no git, no source lines) are never rewritten: they must load as the same plan. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("olderFiles")
    void aPlanOfAnOlderMinorVersion_loads(String file, Plan plan) throws IOException {
        String saved = Files.readString(ROOT.resolve(file));

        Plan read = PlanFile.read(saved);

        assertThat(saved).contains("\"format_version\" : \"1.0\"");
        assertThat(read.git()).isNull();
        assertThat(read.sources()).isEmpty();
        // 1.0 had no source lines; the digest is over the document as saved, so it is the 1.0 one. Its
        // diagnostics are as that build worded them (a field path may read differently now): same rules and messages.
        Plan expected = new Plan(plan.toolVersion(), plan.createdAt(), plan.refreshed(), plan.sandbox(),
                plan.desiredDigest(), plan.basedOn(), plan.targets(), plan.changes(), plan.drift(), plan.stateChanges(),
                plan.unmanaged(), read.diagnostics(), read.digest());
        assertThat(read).isEqualTo(expected);
        assertThat(read.diagnostics()).extracting(Diagnostic::rule, Diagnostic::message)
                .isEqualTo(plan.diagnostics().stream().map(d -> tuple(d.rule(), d.message())).toList());
    }
}
