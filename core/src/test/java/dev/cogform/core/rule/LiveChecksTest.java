package dev.cogform.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.core.desired.DesiredClient;
import dev.cogform.core.desired.DesiredPool;
import dev.cogform.core.stack.DesiredStateLoader;
import dev.cogform.core.desired.LoadResult;
import dev.cogform.core.desired.Variables;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.diag.SourcePosition;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.desired.Lifecycle;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveChecksTest {

    private static final String STACK = StackText.client(
            "supported_identity_providers: [COGNITO, Gogle, Corp-SAML]",
            "allowed_oauth_flows_user_pool_client: true",
            "allowed_oauth_flows: [code]",
            "allowed_oauth_scopes: [openid, api/read, api/wirte]",
            "callback_urls: [\"https://a.example/cb\"]");

    private static DesiredPool pool() {
        LoadResult r = DesiredStateLoader.load(Path.of("."), STACK, Variables.none());
        assertThat(r.ok()).as("%s", r.diagnostics()).isTrue();
        return r.state().pools().get(0);
    }

    @Test
    void check_whenProvidersAndScopesExist_findsNothing() {
        List<Diagnostic> found = LiveChecks.check(pool(), Set.of("Gogle", "Corp-SAML"), Set.of("api/read", "api/wirte"));

        assertThat(found).isEmpty();
    }

    @Test
    void check_whenProviderIsMissing_reportsItAtItsListItemWithASuggestion() {
        List<Diagnostic> found = LiveChecks.check(pool(), Set.of("Google", "Corp-SAML"), Set.of("api/read", "api/wirte"));

        assertThat(found).hasSize(1);
        Diagnostic d = found.get(0);
        assertThat(d.rule()).isEqualTo("idp.exists");
        assertThat(d.isError()).isTrue();
        assertThat(d.path()).isEqualTo("pools.main.clients.web.supported_identity_providers[1]");
        assertThat(d.at()).isEqualTo(StackText.position(STACK, "Gogle"));
        assertThat(d.message()).isEqualTo("identity provider 'Gogle' does not exist in pool eu-west-1_AbCdEf123");
        assertThat(d.hint()).isEqualTo("did you mean `Google`?");
    }

    @Test
    void check_whenCustomScopeIsMissing_reportsItAndIgnoresStandardScopes() {
        List<Diagnostic> found = LiveChecks.check(pool(), Set.of("Gogle", "Corp-SAML"), Set.of("api/read", "api/write"));

        assertThat(found).extracting(Diagnostic::rule).containsExactly("oauth.scope-exists");
        assertThat(found.get(0).at()).isEqualTo(StackText.position(STACK, "api/wirte"));
        assertThat(found.get(0).hint()).isEqualTo("did you mean `api/write`?");
    }

    private static final String ATTRIBUTES = StackText.client(
            "read_attributes: [email, \"custom:tenant\", \"custom:does_not_exist\"]",
            "write_attributes: [name, \"custom:tenat\"]");

    @Test
    void checkAttributes_reportsCustomAttributesThePoolLacks_atTheirListItems() {
        LoadResult r = DesiredStateLoader.load(Path.of("."), ATTRIBUTES, Variables.none());
        assertThat(r.ok()).as("%s", r.diagnostics()).isTrue();

        List<Diagnostic> found = LiveChecks.checkAttributes(r.state().pools().get(0),
                Set.of("email", "name", "custom:tenant"));

        assertThat(found).extracting(Diagnostic::rule).containsOnly("attributes.custom-exists");
        assertThat(found).extracting(Diagnostic::path).containsExactly(
                "pools.main.clients.web.read_attributes[2]", "pools.main.clients.web.write_attributes[1]");
        assertThat(found.get(0).at()).isEqualTo(StackText.position(ATTRIBUTES, "\"custom:does_not_exist"));
        assertThat(found.get(0).isError()).isTrue();
        assertThat(found.get(0).message()).isEqualTo(
                "custom attribute 'custom:does_not_exist' is not in the schema of pool eu-west-1_AbCdEf123");
        assertThat(found.get(0).hint()).isEqualTo(
                "add the attribute to the pool's schema first, or remove it from the client");
        assertThat(found.get(1).hint()).isEqualTo("did you mean `custom:tenant`?");
        assertThat(LiveChecks.checkAttributes(r.state().pools().get(0),
                Set.of("custom:tenant", "custom:does_not_exist", "custom:tenat"))).isEmpty();
    }

    @Test
    void check_whenClientWasBuiltInCode_locatesFindingsAtTheClient() {
        SourcePosition at = new SourcePosition("cogform.yaml", 3, 5);
        DesiredClient client = new DesiredClient(new ClientAddress("main", "m"), AppClientSettings.builder("m")
                .supportedIdentityProviders(List.of("Okta")).build(), Lifecycle.DEFAULT, at);
        DesiredPool pool = new DesiredPool("main", null, "users", List.of(client), at);

        List<Diagnostic> found = LiveChecks.check(pool, Set.of(), Set.of());

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.at()).isEqualTo(at);
            assertThat(d.path()).isEqualTo("pools.main.clients.m.supported_identity_providers");
            assertThat(d.message()).endsWith("in pool name \"users\"");
        });
    }
}
