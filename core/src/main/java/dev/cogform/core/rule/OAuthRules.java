package dev.cogform.core.rule;

import dev.cogform.core.desired.DesiredClient;
import dev.cogform.core.desired.FieldSources.Element;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.spec.CognitoModel;
import dev.cogform.core.spec.Rule.Stage;
import dev.cogform.core.spec.Rule;
import dev.cogform.core.spec.Suggestions;
import java.util.List;
import java.util.Set;

/** OAuth flows and scopes (reference §4 rules 9–15, 17). */
final class OAuthRules {

    static final String CLIENT_CREDENTIALS = "client_credentials";
    /** Scopes Cognito defines itself; every other scope is a resource server's {@code identifier/name}. */
    static final Set<String> STANDARD_SCOPES = Set.of("phone", "email", "openid", "profile", "aws.cognito.signin.user.admin");
    static final int MAX_SCOPES = 50;

    static final Rule FLOWS_AND_SCOPES_REQUIRED = Rule.error("oauth.flows-and-scopes-required", Stage.CLIENT,
            "allowed_oauth_flows_user_pool_client: true needs allowed_oauth_flows and allowed_oauth_scopes.");
    static final Rule DISABLED_SETTINGS = Rule.warning("oauth.disabled-settings", Stage.CLIENT,
            "OAuth flows, scopes and URLs take effect only with allowed_oauth_flows_user_pool_client: true.");
    static final Rule CLIENT_CREDENTIALS_ALONE = Rule.error("oauth.client-credentials-alone", Stage.CLIENT,
            "client_credentials must be the only OAuth flow.");
    static final Rule CLIENT_CREDENTIALS_SECRET = Rule.error("oauth.client-credentials-secret", Stage.CLIENT,
            "client_credentials needs generate_secret: true.");
    static final Rule CLIENT_CREDENTIALS_SCOPES = Rule.error("oauth.client-credentials-scopes", Stage.CLIENT,
            "client_credentials takes only custom scopes (openid is not supported with client_credentials flow).");
    static final Rule CALLBACK_REQUIRED = Rule.error("oauth.callback-required", Stage.CLIENT,
            "code and implicit flows need at least one callback URL.");
    static final Rule SCOPE_FORMAT = Rule.error("oauth.scope-format", Stage.CLIENT,
            "A scope is a standard scope (openid, email, phone, profile, aws.cognito.signin.user.admin) or resource-server/scope.");
    static final Rule OPENID_REQUIRED = Rule.warning("oauth.openid-required", Stage.CLIENT,
            "phone, email and profile can only be requested with openid.");
    static final Rule SCOPE_LIMIT = Rule.error("oauth.scope-limit", Stage.CLIENT,
            "At most 50 OAuth scopes per client.");
    static final Rule DEFAULT_REDIRECT_IN_CALLBACKS = Rule.error("oauth.default-redirect-in-callbacks", Stage.CLIENT,
            "default_redirect_uri must be one of callback_urls.");

    private OAuthRules() {
    }

    static List<ClientRule> rules() {
        return List.of(
                ClientRule.of(FLOWS_AND_SCOPES_REQUIRED, (c, f) -> {
                    AppClientSettings s = c.settings();
                    if (s.allowedOAuthFlowsUserPoolClient() && (s.allowedOAuthFlows().isEmpty() || s.allowedOAuthScopes().isEmpty())) {
                        String missing = s.allowedOAuthFlows().isEmpty()
                                ? s.allowedOAuthScopes().isEmpty() ? "allowed_oauth_flows and allowed_oauth_scopes"
                                : "allowed_oauth_flows" : "allowed_oauth_scopes";
                        f.at(c.sources().locate("allowed_oauth_flows_user_pool_client"),
                                "OAuth is enabled for this client but " + missing + " is empty",
                                "list " + missing + ", or set allowed_oauth_flows_user_pool_client: false");
                    }
                }),
                ClientRule.of(DISABLED_SETTINGS, (c, f) -> {
                    AppClientSettings s = c.settings();
                    if (s.allowedOAuthFlowsUserPoolClient()) {
                        return;
                    }
                    for (String field : List.of("allowed_oauth_flows", "allowed_oauth_scopes", "callback_urls",
                            "logout_urls", "default_redirect_uri")) {
                        Object value = dev.cogform.core.model.AppClientField.byKey(field).orElseThrow().get(s);
                        if (value != null && !(value instanceof Set<?> set && set.isEmpty())) {
                            f.at(c.sources().locate(field), field + " has no effect while"
                                            + " allowed_oauth_flows_user_pool_client is false",
                                    "set allowed_oauth_flows_user_pool_client: true, or remove " + field);
                            return;
                        }
                    }
                }),
                ClientRule.of(CLIENT_CREDENTIALS_ALONE, (c, f) -> {
                    Set<String> flows = c.settings().allowedOAuthFlows();
                    if (flows.contains(CLIENT_CREDENTIALS) && flows.size() > 1) {
                        f.at(c.sources().locate("allowed_oauth_flows"),
                                "client_credentials cannot be combined with other OAuth flows (" + flows + ")",
                                "make client_credentials the only flow, and put user sign-in flows in another client");
                    }
                }),
                ClientRule.of(CLIENT_CREDENTIALS_SECRET, (c, f) -> {
                    if (c.settings().allowedOAuthFlows().contains(CLIENT_CREDENTIALS) && !c.settings().generateSecret()) {
                        f.at(FlowRules.elementOr(c, "allowed_oauth_flows", CLIENT_CREDENTIALS),
                                "client_credentials flow can not be selected if client does not have a client secret",
                                "set generate_secret: true (a new client: the secret cannot be added later)");
                    }
                }),
                ClientRule.of(CLIENT_CREDENTIALS_SCOPES, (c, f) -> {
                    if (!c.settings().allowedOAuthFlows().contains(CLIENT_CREDENTIALS)) {
                        return;
                    }
                    for (Element e : scopes(c)) {
                        if (STANDARD_SCOPES.contains(e.value())) {
                            f.at(e.location(), e.value() + " is not supported with client_credentials flow",
                                    "use custom scopes of a resource server, such as api/read");
                        }
                    }
                }),
                ClientRule.of(CALLBACK_REQUIRED, (c, f) -> {
                    for (String flow : List.of("code", "implicit")) {
                        if (c.settings().allowedOAuthFlows().contains(flow) && c.settings().callbackUrls().isEmpty()) {
                            f.at(FlowRules.elementOr(c, "allowed_oauth_flows", flow),
                                    "the " + flow + " flow needs callback URLs, and callback_urls is empty",
                                    "list the app's redirect URLs under callback_urls");
                        }
                    }
                }),
                ClientRule.of(SCOPE_FORMAT, (c, f) -> {
                    CognitoModel.Shape shape = CognitoModel.shape("ScopeType");
                    for (Element e : scopes(c)) {
                        String s = e.value();
                        int slash = s.indexOf('/');
                        if (!shape.accepts(s)) {
                            f.at(e.location(), "'" + s + "' is not a valid scope: 1 to 256 printable characters"
                                    + " without spaces, quotes or backslashes", "fix the scope name");
                        } else if (!STANDARD_SCOPES.contains(s) && (slash <= 0 || slash == s.length() - 1)) {
                            String near = Suggestions.closest(s, STANDARD_SCOPES);
                            f.at(e.location(), "'" + s + "' is neither a standard scope nor a custom scope"
                                            + " resource-server/scope",
                                    near != null ? "did you mean `" + near + "`?"
                                            : "write a custom scope as RESOURCE_SERVER_ID/SCOPE, such as api/read");
                        }
                    }
                }),
                ClientRule.of(OPENID_REQUIRED, (c, f) -> {
                    Set<String> scopes = c.settings().allowedOAuthScopes();
                    if (scopes.contains("openid") || c.settings().allowedOAuthFlows().contains(CLIENT_CREDENTIALS)) {
                        return;
                    }
                    for (Element e : scopes(c)) {
                        if (Set.of("phone", "email", "profile").contains(e.value())) {
                            f.at(e.location(), e.value() + " can only be requested together with openid",
                                    "add openid to allowed_oauth_scopes");
                        }
                    }
                }),
                ClientRule.of(SCOPE_LIMIT, (c, f) -> {
                    int n = c.settings().allowedOAuthScopes().size();
                    if (n > MAX_SCOPES) {
                        f.at(c.sources().locate("allowed_oauth_scopes"),
                                n + " OAuth scopes exceed Cognito's limit of " + MAX_SCOPES + " per client",
                                "split the scopes across clients or resource servers");
                    }
                }),
                ClientRule.of(DEFAULT_REDIRECT_IN_CALLBACKS, (c, f) -> {
                    String uri = c.settings().defaultRedirectUri();
                    if (uri != null && !c.settings().callbackUrls().contains(uri)) {
                        String near = Suggestions.closest(uri, c.settings().callbackUrls());
                        f.at(c.sources().locate("default_redirect_uri"),
                                "default_redirect_uri " + uri + " is not one of callback_urls",
                                near != null ? "did you mean `" + near + "`?" : "add it to callback_urls");
                    }
                }));
    }

    private static List<Element> scopes(DesiredClient c) {
        return c.sources().elements("allowed_oauth_scopes", c.settings().allowedOAuthScopes());
    }
}
