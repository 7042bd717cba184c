package dev.cogform.core.desired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.diag.Location;
import dev.cogform.core.diag.SourcePosition;
import dev.cogform.core.model.AppClientField;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.stack.DesiredStateLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesiredStateLoaderTest {

    @TempDir
    Path dir;

    private static final String WEB = """
            version: 1
            variables:
              domain: app.example.com
            pools:
              main:
                id: eu-west-1_AbCdEf123
                clients:
                  web:
                    callback_urls:
                      - "https://${var.domain}/callback"
                      - "https://${var.domain}/other"
                    allowed_oauth_flows_user_pool_client: true
                    allowed_oauth_flows: [code]
                    allowed_oauth_scopes: [openid]
            """;

    /** The stack file's name as diagnostics print it: as the stack directory was given. */
    private String yaml() {
        return dir.resolve("cogform.yaml").toString();
    }

    private LoadResult load(String text) {
        return load(text, Variables.none());
    }

    private LoadResult load(String text, Variables variables) {
        try {
            Files.writeString(dir.resolve("cogform.yaml"), text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return DesiredStateLoader.load(dir, variables);
    }

    private static Diagnostic only(LoadResult r, String rule) {
        List<Diagnostic> found = r.diagnostics().stream().filter(d -> d.rule().equals(rule)).toList();
        assertThat(found).as("%s in %s", rule, r.diagnostics()).hasSize(1);
        return found.get(0);
    }

    @Test
    void load_whenValid_givesCanonicalSettingsWithDefaultsAndPositions() {
        LoadResult r = load(WEB);

        assertThat(r.ok()).as("%s", r.diagnostics()).isTrue();
        DesiredClient web = r.state().client(ClientAddress.parse("main.web")).orElseThrow();
        assertThat(web.settings()).isEqualTo(AppClientSettings.builder("web")
                .callbackUrls(List.of("https://app.example.com/callback", "https://app.example.com/other"))
                .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(List.of("code"))
                .allowedOAuthScopes(List.of("openid")).build());
        assertThat(web.at()).isEqualTo(new SourcePosition(yaml(), 8, 7));
        assertThat(web.sources().elements("callback_urls", Set.of()).get(1).location())
                .isEqualTo(new Location("pools.main.clients.web.callback_urls[1]",
                        new SourcePosition(yaml(), 11, 13)));
        assertThat(r.state().provider()).isEqualTo(new ProviderConfig(null, null, null, null, null));
        assertThat(r.state().state()).isEqualTo(StateConfig.defaultLocal());
        assertThat(r.state().pools().get(0).id()).isEqualTo("eu-west-1_AbCdEf123");
    }

    @Test
    void load_whenCogformYamlIsMissing_reportsOneClearError() {
        LoadResult r = DesiredStateLoader.load(dir, Variables.none());

        assertThat(r.state()).isNull();
        assertThat(r.diagnostics()).hasSize(1);
        assertThat(r.diagnostics().get(0).format()).startsWith("error[stack.missing]: no cogform.yaml in ")
                .contains("pass -C DIR");
    }

    @Test
    void load_whenTheStackDirectoryIsMissing_saysSo() {
        LoadResult r = DesiredStateLoader.load(dir.resolve("nowhere"), Variables.none());

        assertThat(r.diagnostics()).singleElement().extracting(Diagnostic::format).asString()
                .isEqualTo("error[stack.missing]: the stack directory " + dir.resolve("nowhere")
                        + " does not exist (hint: check the path given to -C)");
    }

    @Test
    void load_namesTheFileAsTheStackDirectoryWasGiven() throws IOException {
        Files.writeString(dir.resolve("cogform.yaml"), "version: 1\npools: {main: {id: x, clients: {web: {nope: 1}}}}\n");

        LoadResult r = DesiredStateLoader.load(dir, Variables.none());

        assertThat(r.diagnostics()).extracting(d -> d.at().file()).containsOnly(dir.resolve("cogform.yaml").toString());
    }

    @Test
    void load_whenNotUtf8_reportsUnreadable() throws IOException {
        Files.write(dir.resolve("cogform.yaml"), new byte[] {'v', ':', ' ', (byte) 0xC3, (byte) 0x28});

        LoadResult r = DesiredStateLoader.load(dir, Variables.none());

        assertThat(only(r, "stack.unreadable").message()).contains("UTF-8");
    }

    @Test
    void load_whenKeyIsMistyped_suggestsTheNearestKey() {
        LoadResult r = load(WEB.replace("callback_urls:", "callbak_urls:"));

        Diagnostic d = only(r, "yaml.unknown-key");
        assertThat(d.at()).isEqualTo(new SourcePosition(yaml(), 9, 9));
        assertThat(d.path()).isEqualTo("pools.main.clients.web.callbak_urls");
        assertThat(d.hint()).isEqualTo("did you mean `callback_urls`?");
        assertThat(d.format()).isEqualTo(yaml() + ":9:9: error[yaml.unknown-key]: unknown key `callbak_urls`"
                + " in pools.main.clients.web (hint: did you mean `callback_urls`?)");
    }

    @Test
    void load_whenKeyIsFarFromAnyKnown_listsTheValidKeys() {
        LoadResult r = load(WEB.replace("variables:", "wibble: 1\nvariables:"));

        assertThat(only(r, "yaml.unknown-key").hint()).isEqualTo("valid keys here: version, provider, state, variables, pools");
    }

    @Test
    void load_whenKeyIsDuplicated_reportsTheSecondAndNamesTheFirst() {
        LoadResult r = load(WEB.replace("    clients:", "    id: eu-west-1_Other1\n    clients:"));

        Diagnostic d = only(r, "yaml.duplicate-key");
        assertThat(d.at()).isEqualTo(new SourcePosition(yaml(), 7, 5));
        assertThat(d.message()).contains("first at line 6");
        assertThat(r.state()).isNull();
    }

    @Test
    void load_whenTypesAreWrong_saysWhatWasExpected() {
        LoadResult r = load(WEB.replace("    clients:", "    clients:\n      spa: { generate_secret: 1, callback_urls: x,"
                + " token_validity: 1h, analytics: [a] }"));

        assertThat(r.diagnostics()).extracting(Diagnostic::rule).containsOnly("yaml.type");
        assertThat(r.diagnostics()).extracting(Diagnostic::message).containsExactly(
                "expected true or false, found the number 1",
                "expected a list of strings, such as [a, b], found the string 'x'",
                "expected a map of keys to values, found the string '1h'",
                "expected a map of keys to values, found a list");
    }

    @Test
    void load_whenAllBadAtOnce_collectsEverythingSortedByPosition() {
        LoadResult r = load(WEB.replace("version: 1", "version: 3").replace("callback_urls:", "callbak_urls:")
                .replace("    id: eu-west-1_AbCdEf123", "    id: eu-west-1_AbCdEf123\n    nme: x"));

        assertThat(r.diagnostics()).extracting(Diagnostic::rule)
                .containsExactly("version.supported", "yaml.unknown-key", "yaml.unknown-key");
        assertThat(r.diagnostics()).isSortedAccordingTo(Diagnostic.ORDER);
    }

    @Test
    void load_whenAliasBombed_failsWithALimitsDiagnostic() {
        StringBuilder y = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 12; i++) {
            y.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }

        LoadResult r = load(y.toString());

        assertThat(r.state()).isNull();
        Diagnostic d = only(r, "yaml.limits");
        assertThat(d.at()).isNotNull();
        assertThat(d.hint()).contains("at most 50 aliases");
    }

    @Test
    void load_whenTooLarge_refusesBeforeParsing() {
        LoadResult r = load("# " + "x".repeat(5 * 1024 * 1024) + "\n" + WEB);

        assertThat(only(r, "yaml.limits").message()).contains("larger than");
    }

    @Test
    void load_whenOverTheCodePointLimitButUnderTheByteLimit_refusesBeforeScanning() {
        LoadResult r = load(WEB + "# " + "x".repeat(SafeYaml.MAX_CODE_POINTS) + "\n");

        assertThat(r.state()).isNull();
        Diagnostic d = only(r, "yaml.limits");
        assertThat(d.message()).contains("longer than " + SafeYaml.MAX_CODE_POINTS);
        assertThat(d.hint()).doesNotContain("aliases");
    }

    @Test
    void load_whenNestedTooDeeply_reportsALimitInsteadOfOverflowingTheStack() {
        LoadResult r = load(WEB + "x: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");

        assertThat(r.state()).isNull();
        Diagnostic d = only(r, "yaml.limits");
        assertThat(d.message()).contains("nested more than " + SafeYaml.MAX_DEPTH);
        assertThat(d.at().line()).isGreaterThan(1);
    }

    @Test
    void load_whenANumberIsHex_asksForADecimalNumber() {
        LoadResult r = load(WEB.replace("version: 1", "version: 0x1"));

        assertThat(only(r, "yaml.type").message()).isEqualTo("expected a decimal number, found the number 0x1");
    }

    @Test
    void load_whenCustomTagIsUsed_refusesIt() {
        LoadResult r = load(WEB.replace("domain: app.example.com", "domain: !!java.net.URL x"));

        Diagnostic d = only(r, "yaml.tag");
        assertThat(d.path()).isEqualTo("variables.domain");
        assertThat(r.state()).isNull();
    }

    @Test
    void load_whenMergeKeyIsUsed_mergesTheAnchoredMap() {
        LoadResult r = load(WEB.replace("    clients:", "    clients:\n      spa:\n        <<: &shared {name: x}\n"
                + "      app:\n        <<: *shared\n        generate_secret: true"));

        assertThat(r.ok()).as("%s", r.diagnostics()).isTrue();
        assertThat(clients(r).get("app").settings().clientName()).isEqualTo("x");
        assertThat(clients(r).get("app").settings().generateSecret()).isTrue();
    }

    @Test
    void load_whenTwoDocuments_refusesTheSecond() {
        LoadResult r = load(WEB + "---\nversion: 1\n");

        assertThat(only(r, "yaml.syntax").at().line()).isEqualTo(16);
    }

    @Test
    void variables_whenGivenEverywhere_cliWinsOverFilesOverDefaults() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "domain: from-a.example\nother: 1\n");
        Files.writeString(dir.resolve("b.yaml"), "domain: from-b.example\n");
        String text = WEB.replace("https://${var.domain}/other", "https://${var.domain}/${var.other}");

        LoadResult files = load(text, new Variables(Map.of(), List.of(dir.resolve("a.yaml"), dir.resolve("b.yaml")), Map.of()));
        LoadResult cli = load(text, new Variables(Map.of("domain", "cli.example"),
                List.of(dir.resolve("a.yaml"), dir.resolve("b.yaml")), Map.of()));
        LoadResult defaults = load(text.replace("domain: app.example.com", "domain: app.example.com\n  other: d"));

        assertThat(callbacks(files)).containsExactly("https://from-b.example/1", "https://from-b.example/callback");
        assertThat(callbacks(cli)).containsExactly("https://cli.example/1", "https://cli.example/callback");
        assertThat(callbacks(defaults)).containsExactly("https://app.example.com/callback", "https://app.example.com/d");
    }

    @Test
    void variables_givenOnTheCommandLineWithoutAName_areRefused_withoutEchoingTheValue() {
        LoadResult r = load(WEB, new Variables(Map.of("", "s3cr3t", "bad name", "x"), List.of(), Map.of()));

        assertThat(r.ok()).isFalse();
        assertThat(r.diagnostics()).filteredOn(d -> d.rule().equals("var.syntax")).extracting(Diagnostic::message)
                .containsExactlyInAnyOrder("--var =…: '' is not a variable name",
                        "--var bad name=…: 'bad name' is not a variable name");
        assertThat(r.diagnostics()).noneMatch(d -> d.message().contains("s3cr3t"));
    }

    @Test
    void variables_whenEnvironmentIsReferenced_readsIt() {
        LoadResult r = load(WEB.replace("${var.domain}/other", "${env.COGFORM_DOMAIN}/other"),
                new Variables(Map.of(), List.of(), Map.of("COGFORM_DOMAIN", "env.example")));

        assertThat(callbacks(r)).contains("https://env.example/other");
    }

    @Test
    void variables_whenUnresolved_reportEachAtItsReference() {
        LoadResult r = load(WEB.replace("${var.domain}/other", "${var.host}/${env.COGFORM_NOPE}"));

        assertThat(r.diagnostics()).extracting(Diagnostic::rule).containsOnly("var.unresolved");
        assertThat(r.diagnostics()).extracting(d -> d.at().column()).containsExactly(22, 34);
        assertThat(r.diagnostics().get(0).path()).isEqualTo("pools.main.clients.web.callback_urls[1]");
        assertThat(r.diagnostics().get(1).message()).isEqualTo("environment variable COGFORM_NOPE is not set");
    }

    @Test
    void variables_whenDeclaredWithoutDefaultAndReferenced_sayHowToGiveIt() {
        LoadResult r = load(WEB.replace("domain: app.example.com", "domain: null"));

        assertThat(r.diagnostics()).extracting(Diagnostic::rule).containsOnly("var.unresolved");
        assertThat(r.diagnostics().get(0).hint()).isEqualTo("pass --var domain=VALUE or a --var-file that sets it");
        assertThat(load(WEB.replace("domain: app.example.com", "domain: null"),
                new Variables(Map.of("domain", "x.example"), List.of(), Map.of())).ok()).isTrue();
    }

    @Test
    void variables_whenDollarIsDoubled_keepAliteralReference() {
        LoadResult r = load(WEB.replace("    clients:", "    clients:\n      spa: { read_attributes: [\"custom:$${var.x}\"] }"));

        assertThat(r.ok()).as("%s", r.diagnostics()).isTrue();
        assertThat(clients(r).get("spa").settings().readAttributes()).containsExactly("custom:${var.x}");
    }

    @Test
    void variables_whenGivenButUnknown_warnWithTheirOrigin() throws IOException {
        Files.writeString(dir.resolve("vars.yaml"), "domian: x\n");

        LoadResult r = load(WEB, new Variables(Map.of("extra", "1"), List.of(dir.resolve("vars.yaml")), Map.of()));

        assertThat(r.ok()).isTrue();
        assertThat(r.diagnostics()).extracting(Diagnostic::rule).containsExactly("var.unused", "var.unused");
        // Named as a path from the working directory, as the stack file is (here, -C of an absolute path).
        assertThat(r.diagnostics().get(0).at()).isEqualTo(new SourcePosition(dir.resolve("vars.yaml").toString(), 1, 1));
        assertThat(r.diagnostics().get(1).path()).isEqualTo("--var extra");
    }

    @Test
    void variables_whenVarFileIsMissingOrNotAMap_reportVarFile() throws IOException {
        Files.writeString(dir.resolve("list.yaml"), "- a\n- b\n");

        LoadResult missing = load(WEB, new Variables(Map.of(), List.of(dir.resolve("nope.yaml")), Map.of()));
        LoadResult list = load(WEB, new Variables(Map.of(), List.of(dir.resolve("list.yaml")), Map.of()));

        assertThat(only(missing, "var.file").message()).startsWith("--var-file nope.yaml does not exist (looked for ")
                .doesNotContain("Exception");
        assertThat(only(list, "yaml.type").at()).isEqualTo(new SourcePosition(dir.resolve("list.yaml").toString(), 1, 1));
    }

    @Test
    void defaults_mergeUnderEachClient_keyByKeyInNestedMaps() {
        LoadResult r = load("""
                version: 1
                pools:
                  main:
                    name: users
                    defaults:
                      token_validity: { access: 30m, refresh: 7d }
                      read_attributes: [email]
                      lifecycle: { prevent_destroy: true }
                    clients:
                      a: { token_validity: { access: 10m } }
                      b: { read_attributes: [name], name: bee }
                      c: { read_attributes: null }
                """);

        assertThat(r.ok()).as("%s", r.diagnostics()).isTrue();
        Map<String, DesiredClient> c = clients(r);
        assertThat(c.get("a").settings().accessTokenValiditySeconds()).isEqualTo(600);
        assertThat(c.get("a").settings().refreshTokenValiditySeconds()).isEqualTo(7 * 86_400);
        assertThat(c.get("a").settings().readAttributes()).containsExactly("email");
        assertThat(c.get("a").lifecycle().preventDestroy()).isTrue();
        assertThat(c.get("b").settings().clientName()).isEqualTo("bee");
        assertThat(c.get("b").settings().readAttributes()).containsExactly("name");
        assertThat(c.get("b").settings().accessTokenValiditySeconds()).isEqualTo(1800);
        assertThat(c.get("c").settings().readAttributes()).isEmpty();
        assertThat(c.get("a").sources().locate("token_validity.refresh").path())
                .isEqualTo("pools.main.defaults.token_validity.refresh");
        assertThat(r.state().pools().get(0).name()).isEqualTo("users");
    }

    @Test
    void defaults_whenWrong_areReportedOnceAtTheDefaults() {
        LoadResult r = load("""
                version: 1
                pools:
                  main:
                    name: users
                    defaults: { token_validity: { access: 1w }, calback_urls: [] }
                    clients: { a: {}, b: {} }
                """);

        assertThat(r.diagnostics()).extracting(Diagnostic::path).containsExactly(
                "pools.main.defaults.token_validity.access", "pools.main.defaults.calback_urls");
    }

    @Test
    void load_everyClientField_isReadIntoTheSettings() {
        LoadResult r = load("""
                version: 1
                pools:
                  main:
                    id: eu-west-1_AbCdEf123
                    clients:
                      web:
                        name: web-app
                        generate_secret: true
                        token_validity: { access: 30m, id: 20m, refresh: 7d }
                        auth_session_validity: 10m
                        explicit_auth_flows: [ALLOW_USER_SRP_AUTH]
                        read_attributes: [email]
                        write_attributes: [name]
                        supported_identity_providers: [COGNITO]
                        callback_urls: ["https://a.example/cb"]
                        logout_urls: ["https://a.example/"]
                        default_redirect_uri: https://a.example/cb
                        allowed_oauth_flows: [code]
                        allowed_oauth_scopes: [openid]
                        allowed_oauth_flows_user_pool_client: true
                        analytics: { application_arn: "arn:aws:mobiletargeting:eu-west-1:123456789012:apps/abc", user_data_shared: true }
                        prevent_user_existence_errors: ENABLED
                        enable_token_revocation: false
                        enable_propagate_additional_user_context_data: true
                        refresh_token_rotation: { feature: ENABLED, retry_grace_period: 10s }
                        lifecycle: { prevent_destroy: true, ignore_changes: [token_validity, logout_urls] }
                """);

        assertThat(r.ok()).as("%s", r.diagnostics()).isTrue();
        DesiredClient web = clients(r).get("web");
        AppClientSettings defaults = AppClientSettings.defaults("web");
        for (AppClientField f : AppClientField.values()) {
            assertThat(f.get(web.settings())).as(f.key()).isNotEqualTo(f.get(defaults));
            assertThat(web.sources().given(f.key())).as("source of %s", f.key()).isTrue();
        }
        assertThat(web.settings().refreshTokenRotation().retryGracePeriodSeconds()).isEqualTo(10);
        assertThat(web.settings().analytics().userDataShared()).isTrue();
        assertThat(web.lifecycle().preventDestroy()).isTrue();
        assertThat(web.lifecycle().ignoreChanges()).containsExactlyInAnyOrder(AppClientField.ACCESS_TOKEN_VALIDITY,
                AppClientField.ID_TOKEN_VALIDITY, AppClientField.REFRESH_TOKEN_VALIDITY, AppClientField.LOGOUT_URLS);
    }

    @Test
    void load_providerStateAndQuotas_areRead() {
        LoadResult r = load("""
                version: 1
                provider: { region: eu-west-1, profile: p, assume_role_arn: "arn:aws:iam::123456789012:role/r",
                            endpoint: sandbox, quotas: { client_read_per_second: 30 } }
                state: { backend: s3, bucket: b, key: k, region: us-east-1, endpoint: "http://127.0.0.1:9000", kms_key_id: alias/x }
                pools: {}
                """);

        assertThat(r.ok()).as("%s", r.diagnostics()).isTrue();
        assertThat(r.state().provider()).isEqualTo(new ProviderConfig("eu-west-1", "p",
                "arn:aws:iam::123456789012:role/r", "sandbox", new QuotaConfig(30, 15, 5)));
        assertThat(r.state().provider().sandbox()).isTrue();
        assertThat(r.state().state()).isEqualTo(new StateConfig("s3", null, "b", "k", "us-east-1",
                "http://127.0.0.1:9000", "alias/x"));
    }

    @Test
    void load_whenS3StateLacksBucket_andLocalHasS3Keys_reportsBoth() {
        LoadResult s3 = load("version: 1\nstate: { backend: s3, key: k }\npools: {}\n");
        LoadResult local = load("version: 1\nstate: { bucket: b }\npools: {}\n");

        assertThat(only(s3, "state.backend").message()).isEqualTo("state backend s3 needs bucket");
        assertThat(only(local, "state.backend").message()).isEqualTo("state.bucket applies only to backend s3");
    }

    @Test
    void digest_isStableAcrossKeyOrderWhitespaceAndVariables() {
        String a = load(WEB).state().digest();
        String reordered = load("""
                pools:
                  main:
                    clients:
                      web:
                        allowed_oauth_scopes: [openid]
                        callback_urls: ["https://app.example.com/other",   "https://app.example.com/callback"]
                        allowed_oauth_flows: [ code ]
                        allowed_oauth_flows_user_pool_client: true
                    id: eu-west-1_AbCdEf123
                version: 1
                """).state().digest();
        String changed = load(WEB.replace("/other", "/else")).state().digest();

        assertThat(a).matches("[0-9a-f]{64}").isEqualTo(reordered).isNotEqualTo(changed);
    }

    private static List<String> callbacks(LoadResult r) {
        assertThat(r.ok()).as("%s", r.diagnostics()).isTrue();
        return List.copyOf(r.state().clients().get(0).settings().callbackUrls());
    }

    private static Map<String, DesiredClient> clients(LoadResult r) {
        Map<String, DesiredClient> byKey = new java.util.HashMap<>();
        r.state().clients().forEach(c -> byKey.put(c.address().client(), c));
        return byKey;
    }
}
