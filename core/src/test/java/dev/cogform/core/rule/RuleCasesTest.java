package dev.cogform.core.rule;

import static dev.cogform.core.rule.StackText.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import dev.cogform.core.desired.LoadResult;
import dev.cogform.core.desired.Variables;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.diag.SourcePosition;
import dev.cogform.core.spec.DriftRules;
import dev.cogform.core.spec.LoadRules;
import dev.cogform.core.spec.Rule;
import dev.cogform.core.spec.RunRules;
import dev.cogform.core.stack.DesiredStateLoader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One valid and one invalid stack per rule: the invalid one must produce the rule at the marker's
 * position, the valid one must load without errors and without that rule.
 */
class RuleCasesTest {

    /** A rule's pair of cases; {@code marker} is text of {@code invalid} where the finding must point (null: anywhere). */
    record Case(String rule, String valid, String invalid, String marker) {
    }

    private static final String[] OAUTH = {
        "allowed_oauth_flows_user_pool_client: true",
        "allowed_oauth_flows: [code]",
        "allowed_oauth_scopes: [openid]",
        "callback_urls: [\"https://a.example/cb\"]"};

    private static final String[] MACHINE = {
        "generate_secret: true",
        "allowed_oauth_flows_user_pool_client: true",
        "allowed_oauth_flows: [client_credentials]",
        "allowed_oauth_scopes: [api/read]"};

    private static String[] with(String[] base, String... more) {
        return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
    }

    private static String[] oauthWithout(String prefix, String... more) {
        return with(Stream.of(OAUTH).filter(l -> !l.startsWith(prefix)).toArray(String[]::new), more);
    }

    private static String scopes(int n) {
        return IntStream.range(0, n).mapToObj(i -> "api/s" + i).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String urls(int n) {
        return IntStream.range(0, n).mapToObj(i -> "\"https://a.example/cb" + i + "\"")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    static List<Case> cases() {
        String twoClients = """
                version: 1
                pools:
                  main:
                    id: eu-west-1_AbCdEf123
                    clients:
                      web: { name: "app" }
                      spa: { name: %s }
                """;
        String twoPools = """
                version: 1
                pools:
                  main: { id: eu-west-1_AbCdEf123 }
                  %s: { id: %s }
                """;
        return List.of(
                // §3 token validity
                new Case("token.access-range", client("token_validity: { access: 1d }"),
                        client("token_validity: { access: 4m }"), "4m"),
                new Case("token.id-range", client("token_validity: { id: 5m }"),
                        client("token_validity: { id: 25h }"), "25h"),
                new Case("token.refresh-range", client("token_validity: { refresh: 3650d }"),
                        client("token_validity: { refresh: 59m }"), "59m"),
                new Case("token.auth-session-range", client("auth_session_validity: 15m"),
                        client("auth_session_validity: 150s"), "150s"),
                new Case("token.exceeds-refresh", client("token_validity: { access: 1h, refresh: 1h }"),
                        client("token_validity: { access: 2h, refresh: 1h }"), "2h"),
                // §4 rules 4-8
                new Case("enum.value", client("explicit_auth_flows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]"),
                        client("explicit_auth_flows: [ALLOW_REFRESH_TOKEN_AUTH, ALLOW_SRP]"), "ALLOW_SRP"),
                new Case("flows.legacy-mixed", client("explicit_auth_flows: [USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH]"),
                        client("explicit_auth_flows: [USER_PASSWORD_AUTH, ALLOW_REFRESH_TOKEN_AUTH]"), "[USER"),
                new Case("flows.refresh-token-required",
                        client("explicit_auth_flows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]"),
                        client("explicit_auth_flows: [ALLOW_USER_SRP_AUTH]"), "[ALLOW"),
                new Case("flows.rotation-refresh-conflict",
                        client("explicit_auth_flows: [ALLOW_USER_SRP_AUTH]", "refresh_token_rotation: { feature: ENABLED }"),
                        client("explicit_auth_flows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]",
                                "refresh_token_rotation: { feature: ENABLED }"), "ALLOW_REFRESH"),
                new Case("flows.user-auth-tier", client("explicit_auth_flows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]"),
                        client("explicit_auth_flows: [ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_AUTH]"), "ALLOW_USER_AUTH"),
                // §4 rules 9-15, 17
                new Case("oauth.flows-and-scopes-required", client(OAUTH),
                        client("allowed_oauth_flows_user_pool_client: true"), "true"),
                new Case("oauth.disabled-settings", client(OAUTH),
                        client("callback_urls: [\"https://a.example/cb\"]"), "[\"https"),
                new Case("oauth.client-credentials-alone", client(MACHINE),
                        client("generate_secret: true", "allowed_oauth_flows_user_pool_client: true",
                                "allowed_oauth_flows: [client_credentials, code]", "allowed_oauth_scopes: [api/read]",
                                "callback_urls: [\"https://a.example/cb\"]"), "[client_credentials, code]"),
                new Case("oauth.client-credentials-secret", client(MACHINE),
                        client(MACHINE[1], MACHINE[2], MACHINE[3]), "client_credentials]"),
                new Case("oauth.client-credentials-scopes", client(MACHINE),
                        client(MACHINE[0], MACHINE[1], MACHINE[2], "allowed_oauth_scopes: [api/read, openid]"), "openid"),
                new Case("oauth.callback-required", client(OAUTH), client(oauthWithout("callback_urls")), "code]"),
                new Case("oauth.scope-format", client(oauthWithout("allowed_oauth_scopes", "allowed_oauth_scopes: [openid, api/read]")),
                        client(oauthWithout("allowed_oauth_scopes", "allowed_oauth_scopes: [openid, read]")), "read]"),
                new Case("oauth.openid-required", client(oauthWithout("allowed_oauth_scopes", "allowed_oauth_scopes: [openid, email]")),
                        client(oauthWithout("allowed_oauth_scopes", "allowed_oauth_scopes: [email]")), "email]"),
                new Case("oauth.scope-limit", client(oauthWithout("allowed_oauth_scopes", "allowed_oauth_scopes: " + scopes(50))),
                        client(oauthWithout("allowed_oauth_scopes", "allowed_oauth_scopes: " + scopes(51))), "[api/s0"),
                new Case("oauth.default-redirect-in-callbacks", client(with(OAUTH, "default_redirect_uri: https://a.example/cb")),
                        client(with(OAUTH, "default_redirect_uri: https://a.example/other")), "https://a.example/other"),
                // §4 rules 16, 18
                new Case("oauth.https-callback", client(oauthWithout("callback_urls",
                                "callback_urls: [\"http://localhost:3000/cb\", \"http://127.0.0.1/cb\", \"http://[::1]:8080/cb\", \"myapp://cb\"]")),
                        client(oauthWithout("callback_urls", "callback_urls: [\"https://a.example/cb\", \"http://a.example/cb\"]")),
                        "\"http://a.example"),
                new Case("oauth.https-logout", client(with(OAUTH, "logout_urls: [\"https://a.example/\"]")),
                        client(with(OAUTH, "logout_urls: [\"http://a.example/\"]")), "\"http://a.example/\""),
                new Case("url.format", client(OAUTH),
                        client(oauthWithout("callback_urls", "callback_urls: [\"https://a.example/ cb\"]")), "\"https://a.example/ cb"),
                new Case("url.absolute", client(OAUTH),
                        client(oauthWithout("callback_urls", "callback_urls: [\"/relative/cb\"]")), "\"/relative"),
                // RedirectUrlType admits {, } and | (and % not followed by hex), which java.net.URI refuses.
                new Case("url.absolute", client(oauthWithout("callback_urls",
                                "callback_urls: [\"https://a.example/{tenant}/cb\", \"https://a.example/a|b\", \"myapp://x/%zz\"]")),
                        client(oauthWithout("callback_urls", "callback_urls: [\"a.example/{tenant}\"]")), "\"a.example/{"),
                new Case("url.fragment", client(OAUTH),
                        client(oauthWithout("callback_urls", "callback_urls: [\"https://a.example/cb#x\"]")), "\"https://a.example/cb#x"),
                new Case("url.limit", client(oauthWithout("callback_urls", "callback_urls: " + urls(100))),
                        client(oauthWithout("callback_urls", "callback_urls: " + urls(101))), "[\"https://a.example/cb0"),
                // §4 rules 19-20
                new Case("idp.name-format", client("supported_identity_providers: [COGNITO, Google]"),
                        client("supported_identity_providers: [COGNITO, " + "X".repeat(33) + "]"), "XXX"),
                new Case("attributes.name", client("read_attributes: [email, custom:tenant]"),
                        client("read_attributes: [email, emial]"), "emial"),
                // §4 rule 22
                new Case("analytics.target",
                        client("analytics: { application_arn: \"arn:aws:mobiletargeting:eu-west-1:123456789012:apps/abc\" }"),
                        client("analytics: { user_data_shared: true }"), "{ user_data_shared"),
                new Case("analytics.id-needs-role",
                        client("analytics: { application_id: 0123abcd, role_arn: \"arn:aws:iam::123456789012:role/x\", external_id: e1 }"),
                        client("analytics: { application_id: 0123abcd }"), "0123abcd"),
                new Case("analytics.arn-conflicts",
                        client("analytics: { application_arn: \"arn:aws:mobiletargeting:eu-west-1:123456789012:apps/abc\" }"),
                        client("analytics: { application_arn: \"arn:aws:mobiletargeting:eu-west-1:123456789012:apps/abc\", external_id: ext1 }"),
                        "ext1"),
                new Case("analytics.format",
                        client("analytics: { application_id: 0123abcd, role_arn: \"arn:aws:iam::123456789012:role/x\", external_id: e1 }"),
                        client("analytics: { application_id: xyz, role_arn: \"arn:aws:iam::123456789012:role/x\", external_id: e1 }"),
                        "xyz"),
                // §4 rules 23-25
                new Case("secret.context-data-needs-secret",
                        client("generate_secret: true", "enable_propagate_additional_user_context_data: true"),
                        client("enable_propagate_additional_user_context_data: true"), "true"),
                new Case("rotation.grace-range",
                        client("explicit_auth_flows: [ALLOW_USER_SRP_AUTH]", "refresh_token_rotation: { feature: ENABLED, retry_grace_period: 60s }"),
                        client("explicit_auth_flows: [ALLOW_USER_SRP_AUTH]", "refresh_token_rotation: { feature: ENABLED, retry_grace_period: 61s }"),
                        "61s"),
                new Case("client.name-format", client("name: \"web app+1@x.y=z,-_\""), client("name: bad/name"), "bad/name"),
                new Case("client.name-unique", twoClients.formatted("spa"), twoClients.formatted("app"), "app }\n"),
                // reading the YAML
                new Case("yaml.syntax", client(), "version: 1\n\tpools: {}\n", "\tpools"),
                new Case("yaml.limits", client(), bomb(), null),
                new Case("yaml.tag", client("generate_secret: true"), client("generate_secret: !!binary aGVsbG8="), "!!binary"),
                new Case("yaml.duplicate-key", client("name: a"), client("name: a", "name:  b"), "name:  b"),
                new Case("yaml.unknown-key", client("callback_urls: []"), client("callbak_urls: []"), "callbak_urls"),
                new Case("yaml.type", client("generate_secret: false"), client("generate_secret: \"no\""), "\"no\""),
                new Case("yaml.required", client(), "version: 1\n", "version"),
                new Case("yaml.duplicate-item", client("read_attributes: [email, name]"),
                        client("read_attributes: [email, name, email]"), "email]"),
                new Case("version.supported", client(), client().replace("version: 1", "version: 2"), "2"),
                new Case("duration.format", client("token_validity: { access: 1h }"),
                        client("token_validity: { access: 1w }"), "1w"),
                new Case("var.syntax", "variables: { n: x }\n" + client("name: \"${var.n}\""),
                        client("name: \"a${foo}\""), "${foo}"),
                new Case("var.unresolved", "variables: { n: x }\n" + client("name: \"${var.n}\""),
                        client("name: \"${var.nope}\""), "${var.nope}"),
                new Case("var.required", "variables: { needed: x }\n" + client(),
                        "variables: { needed: null }\n" + client(), "needed"),
                new Case("provider.format", "provider: { region: eu-west-1, endpoint: sandbox }\n" + client(),
                        "provider: { region: westeurope }\n" + client(), "westeurope"),
                new Case("provider.quota", "provider: { quotas: { client_read_per_second: 2.5 } }\n" + client(),
                        "provider: { quotas: { client_read_per_second: -5 } }\n" + client(), "-5"),
                new Case("state.backend", "state: { backend: s3, bucket: b, key: k }\n" + client(),
                        "state: { backend: s4 }\n" + client(), "s4"),
                new Case("pool.reference", client(), client().replace("id: eu-west-1_AbCdEf123",
                        "id: eu-west-1_AbCdEf123\n    name: users"), "users"),
                new Case("pool.id-format", client(), client().replace("eu-west-1_AbCdEf123", "eu-west-1"), "eu-west-1"),
                new Case("pool.name-format", client().replace("id: eu-west-1_AbCdEf123", "name: prod users"),
                        client().replace("id: eu-west-1_AbCdEf123", "name: prod/users"), "prod/users"),
                new Case("address.key-format", client(), client().replace("web:", "Web:"), "Web"),
                new Case("address.unique", client("name: a") + "      spa: {}\n",
                        client("name: a") + "      web:   { name: b }\n", "web:   {"),
                new Case("pool.same-target", twoPools.formatted("other", "eu-west-1_Other1"),
                        twoPools.formatted("other", "eu-west-1_AbCdEf123"), "other"),
                new Case("lifecycle.ignore-changes", client("lifecycle: { ignore_changes: [callback_urls, token_validity] }"),
                        client("lifecycle: { ignore_changes: [callback_url] }"), "callback_url]"),
                new Case("secret.not-in-yaml", client("generate_secret: true"), client("client_secret: abc"), "client_secret"),
                new Case("rotation.feature-required", client("refresh_token_rotation: { feature: DISABLED }"),
                        client("refresh_token_rotation: { retry_grace_period: 5s }"), "{ retry"),
                new Case("rotation.grace-ignored", client("refresh_token_rotation: { feature: DISABLED, retry_grace_period: 0s }"),
                        client("refresh_token_rotation: { feature: DISABLED, retry_grace_period: 5s }"), "5s"),
                new Case("import.id-format", client("import_id: 1example23456789"), client("import_id: \"web/1\""),
                        "\"web/1\""),
                new Case("secret.rotation", client("generate_secret: true", "secret_rotation: { every: 90d, overlap: 7d }"),
                        client("generate_secret: true", "secret_rotation: { every: 7d, overlap: 7d }"), "7d }"),
                new Case("secret.rotation", client("generate_secret: true", "secret_rotation: { every: 30d, overlap: 1d }"),
                        client("generate_secret: false", "secret_rotation: { every: 30d, overlap: 1d }"), "secret_rotation"),
                new Case("secret.rotation", client("generate_secret: true", "secret_rotation: { every: 30d, overlap: 0s }"),
                        client("generate_secret: true", "secret_rotation: { every: 30d }"), "{ every"));
    }

    /** A "billion laughs": nine levels of ten aliases each. */
    static String bomb() {
        StringBuilder y = new StringBuilder("version: 1\na0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i <= 9; i++) {
            String p = "*a" + (i - 1);
            y.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(10, p))).append("]\n");
        }
        return y.append("pools: {}\n").toString();
    }

    static Stream<Arguments> ruleCases() {
        return cases().stream().map(c -> Arguments.of(named(c.rule(), c)));
    }

    private static LoadResult load(String text) {
        return DesiredStateLoader.load(Path.of("."), text, Variables.none());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleCases")
    void invalidCase_reportsTheRuleAtTheMarker(Case c) {
        List<Diagnostic> found = load(c.invalid()).diagnostics().stream().filter(d -> d.rule().equals(c.rule())).toList();

        assertThat(found).as("diagnostics of %s in%n%s", c.rule(), c.invalid()).isNotEmpty();
        Diagnostic d = found.get(0);
        assertThat(d.at()).as("position").isNotNull();
        if (c.marker() != null) {
            SourcePosition expected = StackText.position(c.invalid(), c.marker());
            assertThat(d.at()).as("position of %s", d.format()).isEqualTo(expected);
        }
        assertThat(d.path()).as("path").isNotNull();
        assertThat(d.hint()).as("hint").isNotBlank();
        Rule rule = Rulebook.all().stream().filter(r -> r.id().equals(c.rule())).findFirst().orElseThrow();
        assertThat(d.severity()).isEqualTo(rule.severity());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleCases")
    void validCase_loadsWithoutTheRule(Case c) {
        LoadResult r = load(c.valid());

        assertThat(r.diagnostics()).as("diagnostics of%n%s", c.valid()).noneMatch(d -> d.rule().equals(c.rule()));
        assertThat(r.ok()).as("%s", r.diagnostics()).isTrue();
    }

    @Test
    void everyOfflineRule_hasACase() {
        Set<String> covered = new HashSet<>();
        cases().forEach(c -> covered.add(c.rule()));
        // Covered in DesiredStateLoaderTest (they need files or command-line values) and LiveChecksTest.
        covered.addAll(Set.of("stack.missing", "stack.unreadable", "var.file", "var.unused", "idp.exists",
                "oauth.scope-exists", "attributes.custom-exists"));
        // Not diagnostics: the planner acts on these (replacement; required attributes stay writable).
        covered.addAll(Set.of("identity.create-only", "attributes.required-writable"));
        // Not offline: refresh, plan and apply report these (RefresherTest, PlannerTest, ApplierTest); load.failed
        // is the cli's report of a load that failed without saying why.
        RunRules.all().forEach(r -> covered.add(r.id()));
        covered.add(LoadRules.LOAD_FAILED.id());
        // Not about cogform.yaml: drift's ignore file and its runs (DriftDetectorTest, the drift command tests).
        DriftRules.all().forEach(r -> covered.add(r.id()));

        assertThat(Rulebook.all()).extracting(Rule::id).allMatch(covered::contains,
                "every rule has a case in the table or is listed above");
    }

    @Test
    void ruleIds_areUniqueAndWellFormed() {
        List<String> ids = Rulebook.all().stream().map(Rule::id).toList();

        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids).allMatch(id -> id.matches("[a-z]+(\\.[a-z0-9-]+)+"));
    }
}
