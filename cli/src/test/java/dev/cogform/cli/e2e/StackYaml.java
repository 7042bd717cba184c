package dev.cogform.cli.e2e;

import dev.cogform.core.live.cognito.PeerGap;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cogform.yaml of the scenarios, as nested maps a test can edit: two pools of a peer, referenced
 * by id, holding clients that together set every field away from its default. What a peer cannot
 * store or serve (its {@link PeerGap}s) is left out, nothing else.
 */
final class StackYaml {

    /** The OIDC provider the scenarios create in the main pool (unless the peer has no such API). */
    static final String IDP = "Corp";
    /** The resource server the scenarios create in the other pool, and its scopes. */
    static final String API = "api";
    static final List<String> API_SCOPES = List.of("read", "write");

    /** Cogform's request rates: Cognito's, times the scale the sandbox server runs its quotas at. */
    static final double QUOTA_SCALE = 20;

    final Map<String, Object> root = new LinkedHashMap<>();

    private StackYaml() {
    }

    /** Only the provider: the peer's endpoint in us-east-1, with scaled rates. */
    static StackYaml empty(URI endpoint) {
        StackYaml y = new StackYaml();
        y.root.put("version", 1);
        y.root.put("provider", map(
                "region", "us-east-1",
                "endpoint", endpoint.toString(),
                "quotas", map("client_read_per_second", 15 * QUOTA_SCALE,
                        "client_update_per_second", 15 * QUOTA_SCALE,
                        "per_operation_and_pool_per_second", 5 * QUOTA_SCALE)));
        y.root.put("variables", map("domain", "app.example.com"));
        y.root.put("pools", new LinkedHashMap<String, Object>());
        return y;
    }

    /**
     * Four clients in two pools: {@code main.web} (confidential, every field), {@code main.spa} (public,
     * implicit flow, prevent_destroy), {@code other.machine} (client credentials, analytics by id,
     * ignore_changes) and {@code other.bare} (a name only, pool defaults).
     */
    static StackYaml everyField(URI endpoint, Set<PeerGap> gaps, String mainPoolId, String otherPoolId) {
        StackYaml y = empty(endpoint);
        boolean idps = !gaps.contains(PeerGap.NO_IDENTITY_PROVIDER_API);
        boolean scopes = !gaps.contains(PeerGap.NO_RESOURCE_SERVER_API);

        y.pool("main", mainPoolId);
        Map<String, Object> web = y.client("main", "web");
        web.put("name", "web-app");
        web.put("generate_secret", true);
        web.put("token_validity", map("access", "30m", "id", "2h", "refresh", "90d"));
        web.put("auth_session_validity", "10m");
        web.put("explicit_auth_flows", list("ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH"));
        web.put("read_attributes", list("email", "email_verified", "name"));
        web.put("write_attributes", list("email", "name"));
        web.put("supported_identity_providers", idps ? list("COGNITO", IDP) : list("COGNITO"));
        web.put("callback_urls", list("https://${var.domain}/callback", "http://localhost:3000/callback"));
        web.put("logout_urls", list("https://${var.domain}/logout"));
        web.put("default_redirect_uri", "https://${var.domain}/callback");
        web.put("allowed_oauth_flows", list("code"));
        web.put("allowed_oauth_scopes", list("openid", "email", "profile"));
        web.put("allowed_oauth_flows_user_pool_client", true);
        web.put("analytics", map(
                "application_arn", "arn:aws:mobiletargeting:us-east-1:123456789012:apps/0123456789abcdef0123456789abcdef",
                "user_data_shared", true));
        web.put("prevent_user_existence_errors", "ENABLED");
        web.put("enable_token_revocation", false);
        web.put("enable_propagate_additional_user_context_data", true);
        web.put("refresh_token_rotation", map("feature", "ENABLED", "retry_grace_period", "30s"));

        Map<String, Object> spa = y.client("main", "spa");
        spa.put("name", "single-page-app");
        spa.put("token_validity", map("access", "5m", "id", "5m", "refresh", "1h"));
        spa.put("explicit_auth_flows", list("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"));
        spa.put("supported_identity_providers", list("COGNITO"));
        spa.put("callback_urls", list("https://${var.domain}/spa/"));
        spa.put("allowed_oauth_flows", list("implicit"));
        spa.put("allowed_oauth_scopes", list("openid", "aws.cognito.signin.user.admin"));
        spa.put("allowed_oauth_flows_user_pool_client", true);
        spa.put("lifecycle", map("prevent_destroy", true));

        y.pool("other", otherPoolId).put("defaults", map("token_validity", map("refresh", "7d")));
        Map<String, Object> machine = y.client("other", "machine");
        machine.put("name", "billing-worker");
        machine.put("generate_secret", true);
        if (scopes) {
            machine.put("allowed_oauth_flows_user_pool_client", true);
            machine.put("allowed_oauth_flows", list("client_credentials"));
            machine.put("allowed_oauth_scopes", list(API + "/" + API_SCOPES.get(0), API + "/" + API_SCOPES.get(1)));
        }
        machine.put("token_validity", map("access", "15m"));
        machine.put("analytics", map(
                "application_id", "0123456789abcdef0123456789abcdef",
                "role_arn", "arn:aws:iam::123456789012:role/cognito-pinpoint",
                "external_id", "cogform-e2e",
                "user_data_shared", false));
        machine.put("lifecycle", map("ignore_changes", list("logout_urls")));

        y.client("other", "bare").put("name", "bare-client");

        y.drop(gaps);
        return y;
    }

    /** Adds (or returns) pool {@code key}, referenced by id. */
    @SuppressWarnings("unchecked")
    Map<String, Object> pool(String key, String poolId) {
        Map<String, Object> pools = (Map<String, Object>) root.get("pools");
        return (Map<String, Object>) pools.computeIfAbsent(key, k -> map("id", poolId, "clients", new LinkedHashMap<>()));
    }

    /** The client {@code pool.key}, added empty when missing (its pool must exist). */
    @SuppressWarnings("unchecked")
    Map<String, Object> client(String pool, String key) {
        Map<String, Object> p = (Map<String, Object>) ((Map<String, Object>) root.get("pools")).get(pool);
        if (p == null) {
            throw new IllegalArgumentException("no pool " + pool);
        }
        return (Map<String, Object>) ((Map<String, Object>) p.get("clients")).computeIfAbsent(key, k -> new LinkedHashMap<>());
    }

    @SuppressWarnings("unchecked")
    void remove(String pool, String key) {
        Map<String, Object> p = (Map<String, Object>) ((Map<String, Object>) root.get("pools")).get(pool);
        ((Map<String, Object>) p.get("clients")).remove(key);
    }

    /** Leaves out what the peer drops: a dropped field's key cannot survive a round trip. */
    @SuppressWarnings("unchecked")
    private void drop(Set<PeerGap> gaps) {
        for (Object p : ((Map<String, Object>) root.get("pools")).values()) {
            for (Object c : ((Map<String, Object>) ((Map<String, Object>) p).get("clients")).values()) {
                Map<String, Object> client = (Map<String, Object>) c;
                gaps.forEach(g -> g.droppedField().ifPresent(f -> client.remove(f.key())));
                // Without rotation, Cognito (and validate) require refresh-token auth among ALLOW_* flows.
                if (!client.containsKey("refresh_token_rotation") && client.get("explicit_auth_flows") instanceof List<?> flows
                        && !flows.contains("ALLOW_REFRESH_TOKEN_AUTH")) {
                    List<Object> with = new ArrayList<>(flows);
                    with.add("ALLOW_REFRESH_TOKEN_AUTH");
                    client.put("explicit_auth_flows", with);
                }
            }
        }
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(List.of(items));
    }
}
