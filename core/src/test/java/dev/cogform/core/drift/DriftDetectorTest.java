package dev.cogform.core.drift;

import dev.cogform.core.model.DriftSeverity;
import static dev.cogform.core.testing.TestStacks.client;
import static dev.cogform.core.testing.TestStacks.poolById;
import static dev.cogform.core.testing.TestStacks.stack;
import static dev.cogform.core.testing.TestStacks.web;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.diag.ExitCode;
import dev.cogform.core.live.GatewayError;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.model.Analytics;
import dev.cogform.core.model.AppClientField;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.RefreshTokenRotation;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.model.SettingsJson;
import dev.cogform.core.state.ClientRecord;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.core.testing.LiveBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftDetectorTest {

    static final String P = "eu-west-1_main";
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2024, 5, 1);
    static final AppClientSettings WEB = web("web");
    static final AppClientSettings SPA = web("spa");
    static final DesiredState DESIRED = stack(poolById("main", P, client("main", "web", WEB), client("main", "spa", SPA)));

    static StateSnapshot state(ClientRecord... records) {
        StateSnapshot s = StateSnapshot.empty();
        for (ClientRecord r : records) {
            s = s.withClient(r);
        }
        return s;
    }

    static ClientRecord record(String address, String clientId, AppClientSettings applied) {
        return new ClientRecord(ClientAddress.parse(address), P, clientId, applied.clientName(), applied,
                SettingsJson.fingerprint(applied), false, NOW);
    }

    static final StateSnapshot APPLIED = state(record("main.web", "c-web", WEB), record("main.spa", "c-spa", SPA));

    static StackReport detect(LiveBuilder live, IgnoreRules ignore, Map<String, LiveClient> described) {
        return DriftDetector.detect("stack", "acct/eu-west-1", DESIRED, APPLIED, live.build(), described, ignore, NOW);
    }

    static LiveBuilder inSync() {
        return LiveBuilder.live().pool("main", P).client("main.web", P, "c-web", WEB).client("main.spa", P, "c-spa", SPA);
    }

    static DriftReport report(StackReport s, DriftSeverity failOn, List<Diagnostic> diagnostics) {
        return new DriftReport(DriftReport.FORMAT_VERSION, "test", NOW, false, failOn, List.of(s), diagnostics);
    }

    static ClientFinding finding(StackReport s, String address) {
        return s.clients().stream().filter(c -> c.address().toString().equals(address)).findFirst().orElseThrow();
    }

    @Test
    void detect_whenLiveMatches_isInSyncWithFullCoverage() {
        StackReport s = detect(inSync(), IgnoreRules.none(), Map.of());

        assertThat(s.clients()).extracting(ClientFinding::status).containsOnly(Status.IN_SYNC);
        assertThat(s.pools()).containsExactly(new PoolCoverage("main", P, 2, 2));
        assertThat(report(s, DriftSeverity.LOW, List.of()).exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void detect_requiredAttributesCognitoAddedToWriteAttributes_areInSync() {
        AppClientSettings writesName = WEB.toBuilder().writeAttributes(List.of("name")).build();
        AppClientSettings stored = writesName.toBuilder().writeAttributes(List.of("email", "name")).build();
        DesiredState desired = stack(poolById("main", P, client("main", "web", writesName), client("main", "spa", SPA)));

        StackReport s = DriftDetector.detect("stack", "acct/eu-west-1", desired,
                state(record("main.web", "c-web", stored), record("main.spa", "c-spa", SPA)),
                LiveBuilder.live().pool("main", P).schema(P, "email").client("main.web", P, "c-web", stored)
                        .client("main.spa", P, "c-spa", SPA).build(), Map.of(), IgnoreRules.none(), NOW);

        assertThat(finding(s, "main.web").status()).isEqualTo(Status.IN_SYNC);
    }

    @Test
    void detect_whenACallbackUrlWasAddedOutOfBand_isModifiedHighAndRecorded() {
        AppClientSettings changed = WEB.toBuilder()
                .callbackUrls(List.of("https://app.example.com/callback", "http://evil.example.com/cb"))
                .accessTokenValiditySeconds(7200).build();
        StackReport s = detect(LiveBuilder.live().pool("main", P).client("main.web", P, "c-web", changed)
                .client("main.spa", P, "c-spa", SPA), IgnoreRules.none(), Map.of());

        ClientFinding web = finding(s, "main.web");
        assertThat(web.status()).isEqualTo(Status.MODIFIED);
        assertThat(web.fields()).extracting(f -> f.comparison() + " " + f.path() + " " + f.type() + " " + f.member()
                        + " " + f.severity() + " " + f.rule())
                .containsExactly("RECORDED token_validity.access NOT_EQUAL null MEDIUM token-validity-access-changed",
                        "RECORDED callback_urls ADD http://evil.example.com/cb HIGH callback-url-added");
        assertThat(report(s, DriftSeverity.HIGH, List.of()).exitCode()).isEqualTo(ExitCode.CHANGES);
    }

    @Test
    void detect_whenTheYamlChangedButWasNotApplied_labelsItDesired() {
        DesiredState edited = stack(poolById("main", P,
                client("main", "web", WEB.toBuilder().logoutUrls(List.of()).build()), client("main", "spa", SPA)));

        StackReport s = DriftDetector.detect("stack", "b", edited, APPLIED, inSync().build(), Map.of(),
                IgnoreRules.none(), NOW);

        assertThat(finding(s, "main.web").fields()).extracting(f -> f.comparison() + " " + f.type() + " " + f.rule())
                .containsExactly("DESIRED ADD logout-url-added");
    }

    @Test
    void detect_deletedNotCheckedAndPoolNotFound() {
        StackReport deleted = detect(LiveBuilder.live().pool("main", P).client("main.web", P, "c-web", WEB)
                .missing("main.spa"), IgnoreRules.none(), Map.of());
        StackReport throttled = detect(LiveBuilder.live().pool("main", P).client("main.web", P, "c-web", WEB)
                .unread("main.spa", GatewayError.THROTTLED), IgnoreRules.none(), Map.of());
        StackReport gone = detect(LiveBuilder.live().pool("main", P).unlisted(P, GatewayError.NOT_FOUND),
                IgnoreRules.none(), Map.of());

        assertThat(finding(deleted, "main.spa").status()).isEqualTo(Status.DELETED);
        assertThat(finding(deleted, "main.spa").severity()).isEqualTo(DriftSeverity.HIGH);
        assertThat(finding(throttled, "main.spa").status()).isEqualTo(Status.NOT_CHECKED);
        assertThat(finding(throttled, "main.spa").reason()).isEqualTo(NotCheckedReason.THROTTLED);
        assertThat(gone.clients()).extracting(ClientFinding::reason).containsOnly(NotCheckedReason.POOL_NOT_FOUND);
        assertThat(report(throttled, DriftSeverity.HIGH, List.of()).exitCode()).as("never 0").isEqualTo(ExitCode.ERROR);
    }

    @Test
    void detect_unmanagedMachineClient_isHigh_andLowersCoverage() {
        AppClientSettings machine = AppClientSettings.builder("robot").generateSecret(true)
                .allowedOAuthFlows(List.of("client_credentials")).build();
        LiveClient described = new LiveClient(P, "c-robot", machine, NOW, NOW);

        StackReport s = detect(inSync().unmanaged(P, "c-robot", machine, NOW, false), IgnoreRules.none(),
                Map.of("c-robot", described));

        assertThat(s.unmanaged()).singleElement().satisfies(u -> {
            assertThat(u.severity()).isEqualTo(DriftSeverity.HIGH);
            assertThat(u.rule()).isEqualTo("unmanaged-machine-client");
            assertThat(u.created()).isEqualTo(NOW);
        });
        assertThat(s.pools().get(0).percent()).isEqualTo(66.7);
    }

    @Test
    void structFields_reportEachMemberThatChanged_andARuleOnTheFieldIgnoresThemAll() {
        AppClientSettings applied = WEB.toBuilder()
                .analytics(new Analytics("0123456789abcdef0123456789abcdef", null, "arn:aws:iam::123456789012:role/pp", "ext-a", true))
                .refreshTokenRotation(new RefreshTokenRotation("ENABLED", 30)).build();
        AppClientSettings live = applied.toBuilder()
                .analytics(new Analytics("0123456789abcdef0123456789abcdef", null, "arn:aws:iam::123456789012:role/pp", "ext-b", false))
                .refreshTokenRotation(new RefreshTokenRotation("ENABLED", 45)).build();
        DesiredState desired = stack(poolById("main", P, client("main", "web", applied)));
        IgnoreRules ignore = IgnoreRules.parse(String.join("\n",
                "rules:",
                "  - address: 'main.web'",
                "    fields: [analytics]",
                "    reason: pinpoint migration",
                "    owner: team-a",
                "    expires: 2024-12-31"), "drift-ignore.yaml", TODAY);

        StackReport s = DriftDetector.detect("stack", "b", desired, state(record("main.web", "c-web", applied)),
                LiveBuilder.live().pool("main", P).client("main.web", P, "c-web", live).build(), Map.of(),
                IgnoreRules.none(), NOW);
        StackReport ignored = DriftDetector.detect("stack", "b", desired, state(record("main.web", "c-web", applied)),
                LiveBuilder.live().pool("main", P).client("main.web", P, "c-web", live).build(), Map.of(), ignore, NOW);

        assertThat(finding(s, "main.web").fields()).extracting(Findings::summary).containsExactlyInAnyOrder(
                "analytics.external_id: \"ext-a\" -> \"ext-b\" (changed outside cogform)",
                "analytics.user_data_shared: true -> false (changed outside cogform)",
                "refresh_token_rotation.retry_grace_period: 30s -> 45s (changed outside cogform)");
        assertThat(finding(s, "main.web").fields()).extracting(FieldFinding::rule)
                .containsOnly("analytics-changed", "refresh-token-rotation-changed");
        assertThat(finding(ignored, "main.web").fields()).filteredOn(f -> f.path().startsWith("analytics."))
                .hasSize(2).allMatch(FieldFinding::isIgnored);
        assertThat(ignore.diagnostics()).isEmpty();
    }

    @Test
    void ignoreRules_ignoreMatchingFields_reportExpiredAndUnmatched() {
        IgnoreRules ignore = IgnoreRules.parse(String.join("\n",
                "rules:",
                "  - address: 'main.w*'",
                "    fields: [token_validity.access]",
                "    reason: load test",
                "    owner: team-a",
                "    expires: 2024-12-31",
                "  - address: 'main.spa'",
                "    reason: old",
                "    owner: team-b",
                "    expires: 2024-01-01",
                "  - address: 'other.**'",
                "    reason: unused",
                "    owner: team-c",
                "    expires: 2030-01-01",
                "severities:",
                "  name: high"), "drift-ignore.yaml", TODAY);
        AppClientSettings changed = WEB.toBuilder().accessTokenValiditySeconds(7200).build();

        StackReport s = detect(LiveBuilder.live().pool("main", P).client("main.web", P, "c-web", changed)
                .client("main.spa", P, "c-spa", SPA.toBuilder().clientName("renamed").build()), ignore, Map.of());

        ClientFinding web = finding(s, "main.web");
        assertThat(web.status()).isEqualTo(Status.IGNORED);
        assertThat(web.fields().get(0).ignored().reason()).isEqualTo("load test");
        assertThat(finding(s, "main.spa").fields().get(0).severity()).as("override").isEqualTo(DriftSeverity.HIGH);
        assertThat(ignore.diagnostics()).extracting(d -> d.severity().word() + " " + d.rule())
                .containsExactly("error ignore.expired", "warning ignore.unmatched");
    }

    @Test
    void baseline_marksNewUnchangedAndResolved() {
        AppClientSettings changed = WEB.toBuilder().accessTokenValiditySeconds(7200).build();
        StackReport first = detect(LiveBuilder.live().pool("main", P).client("main.web", P, "c-web", changed)
                .missing("main.spa"), IgnoreRules.none(), Map.of());
        List<Baseline.Entry> entries = new ArrayList<>();
        for (Notable n : report(first, DriftSeverity.LOW, List.of()).drift()) {
            ClientFinding c = finding(first, n.address());
            String fp = c.status() == Status.DELETED ? c.key()
                    : c.fields().stream().filter(f -> Baseline.id(c, f).equals(n.id())).findFirst().orElseThrow().fingerprint();
            entries.add(new Baseline.Entry("stack", n.id(), fp, n.address(), n.summary(), n.severity()));
        }
        Baseline baseline = Baseline.of(entries);

        DriftReport same = baseline.apply(report(first, DriftSeverity.LOW, List.of()));
        StackReport fixed = detect(LiveBuilder.live().pool("main", P).client("main.web", P, "c-web", WEB)
                .missing("main.spa"), IgnoreRules.none(), Map.of());
        DriftReport resolved = baseline.apply(report(fixed, DriftSeverity.LOW, List.of()));

        assertThat(same.news()).isEmpty();
        assertThat(same.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(resolved.news()).extracting(n -> n.baseline() + " " + n.id())
                .containsExactly("RESOLVED main.web:recorded:token_validity.access:NOT_EQUAL");
        assertThat(resolved.exitCode()).isEqualTo(ExitCode.CHANGES);
    }

    @Test
    void severityRules_coverEveryField() {
        for (AppClientField f : AppClientField.values()) {
            for (DifferenceType t : DifferenceType.values()) {
                SeverityRules.Rule r = SeverityRules.defaults().rule(f, t, "x", null, null);
                assertThat(SeverityRules.DESCRIPTIONS).as("%s %s", f, t).containsKey(r.id());
            }
        }
        assertThat(Arrays.stream(new String[] {"ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH"})
                .map(m -> SeverityRules.defaults().rule(AppClientField.EXPLICIT_AUTH_FLOWS, DifferenceType.ADD, m, null, null).severity()))
                .containsOnly(DriftSeverity.HIGH);
        assertThat(SeverityRules.defaults().rule(AppClientField.CALLBACK_URLS, DifferenceType.REMOVE, "x", null, null)
                .severity()).isEqualTo(DriftSeverity.MEDIUM);
        assertThat(SeverityRules.defaults().rule(AppClientField.PREVENT_USER_EXISTENCE_ERRORS, DifferenceType.NOT_EQUAL,
                null, "ENABLED", "LEGACY").severity()).isEqualTo(DriftSeverity.HIGH);
    }
}
