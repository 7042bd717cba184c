package dev.cogform.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cognito's rules across members of an app client, checked on the stored form after the member
 * constraints passed, in the pool the client belongs to. The first broken rule fails the request with
 * Cognito's error type and, where it is known, Cognito's wording. Written independently of cogform's
 * own validator so that each checks the other.
 */
final class ClientRules {

    static final String INVALID_TOKEN_RANGE = "Invalid range for token validity.";
    static final String MIXED_AUTH_FLOWS = "ExplicitAuthFlows can not mix legacy values (ADMIN_NO_SRP_AUTH, "
            + "CUSTOM_AUTH_FLOW_ONLY, USER_PASSWORD_AUTH) with ALLOW_ values.";
    static final String REFRESH_TOKEN_AUTH_REQUIRED = "REFRESH_TOKEN_AUTH should always be allowed.";
    static final String ROTATION_WITH_REFRESH_AUTH = "Refresh token rotation isn't compatible with the authentication"
            + " flow REFRESH_TOKEN_AUTH. To implement refresh token rotation, you must disable this authentication"
            + " flow in your app client.";
    static final String OAUTH_REQUIRES_FLOWS_AND_SCOPES =
            "AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows.";
    static final String CLIENT_CREDENTIALS_NOT_ALONE =
            "client_credentials flow can not be selected along with code flow or implicit flow.";
    static final String CLIENT_CREDENTIALS_NEEDS_SECRET =
            "client_credentials flow can not be selected if client does not have a client secret.";
    static final String CALLBACKS_REQUIRED = "CallbackUrls can not be empty when code flow or implicit flow is selected";
    static final String DEFAULT_REDIRECT_NOT_IN_CALLBACKS = "DefaultRedirectURI must be one of the CallbackURLs.";
    static final String PROPAGATE_NEEDS_SECRET =
            "EnablePropagateAdditionalUserContextData can only be enabled for an app client with a client secret.";
    static final String ANALYTICS_ONE_APPLICATION =
            "AnalyticsConfiguration must have exactly one of ApplicationArn or ApplicationId.";
    static final String ANALYTICS_ID_NEEDS_ROLE =
            "AnalyticsConfiguration with ApplicationId requires RoleArn and ExternalId.";
    static final String ANALYTICS_ARN_CONFLICTS =
            "AnalyticsConfiguration with ApplicationArn takes no ExternalId, and no RoleArn but the service-linked role.";
    static final String SECRET_TWICE = "You cannot specify both GenerateSecret as true and provide a ClientSecret.";

    static final Set<String> LEGACY_AUTH_FLOWS = Set.of("ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH");
    static final Set<String> STANDARD_SCOPES = Set.of("phone", "email", "openid", "profile", "aws.cognito.signin.user.admin");
    static final Set<String> STANDARD_ATTRIBUTES = Set.of("address", "birthdate", "email", "email_verified",
            "family_name", "gender", "given_name", "locale", "middle_name", "name", "nickname", "phone_number",
            "phone_number_verified", "picture", "preferred_username", "profile", "updated_at", "website", "zoneinfo");
    static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");
    static final Pattern ABSOLUTE = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");
    /** Always present in a pool; other identity providers must be created first. */
    static final String COGNITO_PROVIDER = "COGNITO";

    private ClientRules() {
    }

    /** Checks the stored form {@code s} of a client of {@code pool}; {@code hasSecret} says whether it has one. */
    static void check(ObjectNode s, PoolEntry pool, boolean hasSecret, boolean create) {
        checkTokenValidity(s);
        checkAuthFlows(s);
        checkAttributes(s, pool, "ReadAttributes", "read", create);
        checkAttributes(s, pool, "WriteAttributes", "write", create);
        for (String provider : strings(s, "SupportedIdentityProviders")) {
            if (!provider.equals(COGNITO_PROVIDER) && !pool.identityProviders().containsKey(provider)) {
                throw CognitoError.invalidParameter("The provider " + provider + " does not exist for User Pool " + pool.id());
            }
        }
        checkUrls(s);
        checkOAuth(s, pool, hasSecret);
        checkAnalytics(s);
        if (s.path("EnablePropagateAdditionalUserContextData").asBoolean() && !hasSecret) {
            throw CognitoError.invalidParameter(PROPAGATE_NEEDS_SECRET);
        }
    }

    private static void checkTokenValidity(ObjectNode s) {
        JsonNode units = s.path("TokenValidityUnits");
        if (!inRange(s.path("AccessTokenValidity"), units.path("AccessToken").asText(), 300, 86_400)
                || !inRange(s.path("IdTokenValidity"), units.path("IdToken").asText(), 300, 86_400)
                || !inRange(s.path("RefreshTokenValidity"), units.path("RefreshToken").asText(), 3_600, 315_360_000)) {
            throw CognitoError.invalidParameter(INVALID_TOKEN_RANGE);
        }
    }

    private static boolean inRange(JsonNode value, String unit, long minSeconds, long maxSeconds) {
        if (value.isMissingNode()) {
            return true;
        }
        long seconds = value.asLong() * switch (unit) {
            case "seconds" -> 1L;
            case "minutes" -> 60L;
            case "days" -> 86_400L;
            default -> 3_600L;
        };
        return seconds >= minSeconds && seconds <= maxSeconds;
    }

    private static void checkAuthFlows(ObjectNode s) {
        List<String> flows = strings(s, "ExplicitAuthFlows");
        boolean legacy = flows.stream().anyMatch(LEGACY_AUTH_FLOWS::contains);
        boolean allow = flows.stream().anyMatch(f -> f.startsWith("ALLOW_"));
        if (legacy && allow) {
            throw CognitoError.invalidParameter(MIXED_AUTH_FLOWS);
        }
        boolean rotation = "ENABLED".equals(s.path("RefreshTokenRotation").path("Feature").asText());
        boolean refreshAuth = flows.contains("ALLOW_REFRESH_TOKEN_AUTH");
        if (rotation && refreshAuth) {
            throw CognitoError.invalidParameter(ROTATION_WITH_REFRESH_AUTH);
        }
        if (allow && !rotation && !refreshAuth) {
            throw CognitoError.invalidParameter(REFRESH_TOKEN_AUTH_REQUIRED);
        }
    }

    /** Standard attributes, or custom ones the pool's schema has. */
    private static void checkAttributes(ObjectNode s, PoolEntry pool, String member, String word, boolean create) {
        for (String attribute : strings(s, member)) {
            boolean custom = attribute.startsWith("custom:") && attribute.length() > "custom:".length();
            if (custom ? !PoolSchema.has(pool, attribute) : !STANDARD_ATTRIBUTES.contains(attribute)) {
                throw CognitoError.invalidParameter("Invalid " + word + " attributes specified while "
                        + (create ? "creating" : "updating") + " a client");
            }
        }
    }

    private static void checkUrls(ObjectNode s) {
        List<String> callbacks = strings(s, "CallbackURLs");
        callbacks.forEach(u -> checkUrl(u, "CallbackURLs", true));
        strings(s, "LogoutURLs").forEach(u -> checkUrl(u, "LogoutURLs", false));
        JsonNode defaultRedirect = s.get("DefaultRedirectURI");
        if (defaultRedirect != null) {
            checkUrl(defaultRedirect.asText(), "DefaultRedirectURI", true);
            if (!callbacks.contains(defaultRedirect.asText())) {
                throw CognitoError.invalidParameter(DEFAULT_REDIRECT_NOT_IN_CALLBACKS);
            }
        }
    }

    /**
     * Absolute (a scheme; custom schemes such as myapp:// are allowed); a redirect has no fragment and
     * uses HTTPS unless to a loopback host. Sign-out URLs may use plain http: Cognito documents the
     * HTTPS requirement for callback URLs only. Read by hand, not with java.net.URI, which refuses
     * characters such as {, } and | that the RedirectUrlType pattern admits.
     */
    private static void checkUrl(String url, String member, boolean redirect) {
        if (!ABSOLUTE.matcher(url).lookingAt()) {
            throw CognitoError.invalidParameter(member + " contains an invalid URL: " + url
                    + " (it must be absolute, with a scheme)");
        }
        if (!redirect) {
            return;
        }
        if (url.indexOf('#') >= 0) {
            throw CognitoError.invalidParameter(member + " can not contain a fragment: " + url);
        }
        // http: without // (http:/a.example) names no loopback host either; browsers read it as http.
        if (url.regionMatches(true, 0, "http:", 0, 5)
                && !(url.startsWith("//", 5) && LOOPBACK.contains(host(url.substring(7))))) {
            throw CognitoError.invalidParameter(url + " cannot use the HTTP protocol.");
        }
    }

    /**
     * The lower-case host of what follows {@code scheme://}: up to / \ ? # (a backslash ends it, as
     * browsers read http URLs), without user info or port.
     */
    private static String host(String afterScheme) {
        int end = 0;
        while (end < afterScheme.length() && "/\\?#".indexOf(afterScheme.charAt(end)) < 0) {
            end++;
        }
        String host = afterScheme.substring(afterScheme.lastIndexOf('@', end - 1) + 1, end);
        int close = host.indexOf(']');
        if (host.startsWith("[")) {
            return close > 0 ? host.substring(0, close + 1) : host;
        }
        int colon = host.indexOf(':');
        return (colon < 0 ? host : host.substring(0, colon)).toLowerCase(Locale.ROOT);
    }

    private static void checkOAuth(ObjectNode s, PoolEntry pool, boolean hasSecret) {
        List<String> flows = strings(s, "AllowedOAuthFlows");
        List<String> scopes = strings(s, "AllowedOAuthScopes");
        if (s.path("AllowedOAuthFlowsUserPoolClient").asBoolean() && (flows.isEmpty() || scopes.isEmpty())) {
            throw CognitoError.invalidParameter(OAUTH_REQUIRES_FLOWS_AND_SCOPES);
        }
        if (flows.contains("client_credentials")) {
            if (flows.size() > 1) {
                throw CognitoError.invalidOAuthFlow(CLIENT_CREDENTIALS_NOT_ALONE);
            }
            if (!hasSecret) {
                throw CognitoError.invalidOAuthFlow(CLIENT_CREDENTIALS_NEEDS_SECRET);
            }
            for (String scope : scopes) {
                if (STANDARD_SCOPES.contains(scope)) {
                    throw CognitoError.invalidOAuthFlow(scope + " is not supported with client_credentials flow");
                }
            }
        }
        if ((flows.contains("code") || flows.contains("implicit")) && strings(s, "CallbackURLs").isEmpty()) {
            throw CognitoError.invalidOAuthFlow(CALLBACKS_REQUIRED);
        }
        for (String scope : scopes) {
            if (!STANDARD_SCOPES.contains(scope) && !customScopeExists(pool, scope)) {
                throw CognitoError.scopeDoesNotExist("Invalid scope requested: " + scope);
            }
        }
    }

    /** {@code identifier/name}; identifiers may hold slashes (URLs), scope names may not. */
    private static boolean customScopeExists(PoolEntry pool, String scope) {
        int slash = scope.lastIndexOf('/');
        if (slash <= 0) {
            return false;
        }
        ObjectNode server = pool.resourceServers().get(scope.substring(0, slash));
        if (server == null) {
            return false;
        }
        String name = scope.substring(slash + 1);
        for (JsonNode s : server.path("Scopes")) {
            if (s.path("ScopeName").asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void checkAnalytics(ObjectNode s) {
        JsonNode a = s.get("AnalyticsConfiguration");
        if (a == null) {
            return;
        }
        if (a.has("ApplicationArn") == a.has("ApplicationId")) {
            throw CognitoError.invalidParameter(ANALYTICS_ONE_APPLICATION);
        }
        if (a.has("ApplicationId") && (!a.has("RoleArn") || !a.has("ExternalId"))) {
            throw CognitoError.invalidParameter(ANALYTICS_ID_NEEDS_ROLE);
        }
        // Reference rule 22. The role Cognito assigns itself is accepted back, so Describe's answer can be sent as is.
        if (a.has("ApplicationArn") && (a.has("ExternalId")
                || a.has("RoleArn") && !a.path("RoleArn").asText().endsWith(":role/" + ClientApi.SERVICE_LINKED_ROLE))) {
            throw CognitoError.invalidParameter(ANALYTICS_ARN_CONFLICTS);
        }
    }

    private static List<String> strings(ObjectNode s, String member) {
        List<String> values = new ArrayList<>();
        s.path(member).forEach(n -> values.add(n.asText()));
        return values;
    }
}
