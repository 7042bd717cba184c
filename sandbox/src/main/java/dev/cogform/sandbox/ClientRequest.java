package dev.cogform.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a CreateUserPoolClient or UpdateUserPoolClient request asks for, checked against the model's
 * member constraints and turned into the stored form: every member Describe returns, with Cognito's
 * default for each one the request left out. That is the replace-on-update rule: an update is read
 * exactly like a create, so whatever it omits goes back to its default. The one exception is
 * {@code ClientName}, which an update without it keeps (Cognito has been seen to do that; callers
 * should not rely on it either way).
 *
 * @param clientName null on an update that leaves the name out
 * @param settings   the stored form, without ClientName
 */
record ClientRequest(String userPoolId, String clientId, String clientName, boolean generateSecret,
                     String clientSecret, ObjectNode settings) {

    static final List<String> EXPLICIT_AUTH_FLOWS = List.of("ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY",
            "USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_USER_PASSWORD_AUTH",
            "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_AUTH");
    static final List<String> DEFAULT_EXPLICIT_AUTH_FLOWS =
            List.of("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH");
    static final List<String> TIME_UNITS = List.of("seconds", "minutes", "hours", "days");
    static final List<String> OAUTH_FLOWS = List.of("code", "implicit", "client_credentials");
    static final List<String> PREVENT_USER_EXISTENCE_ERRORS = List.of("LEGACY", "ENABLED");
    static final List<String> ROTATION_FEATURES = List.of("ENABLED", "DISABLED");

    static final Pattern USER_POOL_ID = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");
    static final Pattern CLIENT_ID = Pattern.compile("[\\w+]+");
    static final Pattern NAME = Pattern.compile("[\\w\\s+=,.@-]+");
    static final Pattern SECRET = Pattern.compile("[\\w+]+");
    static final Pattern PROVIDER_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\p{Z}]+");
    static final Pattern REDIRECT_URL = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
    static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    static final Pattern HEX = Pattern.compile("^[0-9a-fA-F]+$");
    static final Pattern ARN = Pattern.compile(
            "arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Reads a Create ({@code create} true) or Update request; fails with Cognito's constraint errors. */
    static ClientRequest read(ObjectNode body, boolean create) {
        RequestCheck in = new RequestCheck(body);
        String poolId = in.string("UserPoolId", true, 1, 55, USER_POOL_ID);
        String clientId = create ? null : in.string("ClientId", true, 1, 128, CLIENT_ID);
        String name = in.string("ClientName", create, 1, 128, NAME);
        boolean generateSecret = create && Boolean.TRUE.equals(in.bool("GenerateSecret"));
        String clientSecret = create ? in.string("ClientSecret", false, 24, 64, SECRET) : null;

        ObjectNode s = JSON.objectNode();
        Integer refresh = in.integer("RefreshTokenValidity", 0, 315_360_000);
        Integer access = in.integer("AccessTokenValidity", 1, 86_400);
        Integer id = in.integer("IdTokenValidity", 1, 86_400);
        RequestCheck unitsIn = in.structure("TokenValidityUnits");
        String accessUnit = unitsIn == null ? null : unitsIn.enumValue("AccessToken", false, TIME_UNITS);
        String idUnit = unitsIn == null ? null : unitsIn.enumValue("IdToken", false, TIME_UNITS);
        String refreshUnit = unitsIn == null ? null : unitsIn.enumValue("RefreshToken", false, TIME_UNITS);
        if (refresh == null || refresh == 0) {
            // Absent or 0: Cognito's default of 30 days, whatever unit was asked for.
            s.put("RefreshTokenValidity", 30);
            refreshUnit = "days";
        } else {
            s.put("RefreshTokenValidity", refresh);
        }
        if (access != null) {
            s.put("AccessTokenValidity", access);
        }
        if (id != null) {
            s.put("IdTokenValidity", id);
        }
        ObjectNode units = s.putObject("TokenValidityUnits");
        units.put("AccessToken", accessUnit == null ? "hours" : accessUnit);
        units.put("IdToken", idUnit == null ? "hours" : idUnit);
        units.put("RefreshToken", refreshUnit == null ? "days" : refreshUnit);

        putSorted(s, "ReadAttributes", in.strings("ReadAttributes", Integer.MAX_VALUE, 1, 2048, null));
        putSorted(s, "WriteAttributes", in.strings("WriteAttributes", Integer.MAX_VALUE, 1, 2048, null));
        List<String> flows = in.enums("ExplicitAuthFlows", Integer.MAX_VALUE, EXPLICIT_AUTH_FLOWS);
        putList(s, "ExplicitAuthFlows", flows == null || flows.isEmpty() ? DEFAULT_EXPLICIT_AUTH_FLOWS : flows);
        putList(s, "SupportedIdentityProviders",
                in.strings("SupportedIdentityProviders", Integer.MAX_VALUE, 1, 32, PROVIDER_NAME));
        putSorted(s, "CallbackURLs", in.strings("CallbackURLs", 100, 1, 1024, REDIRECT_URL));
        putSorted(s, "LogoutURLs", in.strings("LogoutURLs", 100, 1, 1024, REDIRECT_URL));
        String defaultRedirect = in.string("DefaultRedirectURI", false, 1, 1024, REDIRECT_URL);
        if (defaultRedirect != null) {
            s.put("DefaultRedirectURI", defaultRedirect);
        }
        putList(s, "AllowedOAuthFlows", in.enums("AllowedOAuthFlows", 3, OAUTH_FLOWS));
        putList(s, "AllowedOAuthScopes", in.strings("AllowedOAuthScopes", 50, 1, 256, SCOPE));
        s.put("AllowedOAuthFlowsUserPoolClient", Boolean.TRUE.equals(in.bool("AllowedOAuthFlowsUserPoolClient")));

        RequestCheck analyticsIn = in.structure("AnalyticsConfiguration");
        if (analyticsIn != null) {
            ObjectNode a = s.putObject("AnalyticsConfiguration");
            putText(a, "ApplicationId", analyticsIn.string("ApplicationId", false, 0, Integer.MAX_VALUE, HEX));
            putText(a, "ApplicationArn", analyticsIn.string("ApplicationArn", false, 20, 2048, ARN));
            putText(a, "RoleArn", analyticsIn.string("RoleArn", false, 20, 2048, ARN));
            putText(a, "ExternalId", analyticsIn.string("ExternalId", false, 0, 131_072, null));
            a.put("UserDataShared", Boolean.TRUE.equals(analyticsIn.bool("UserDataShared")));
        }
        String prevent = in.enumValue("PreventUserExistenceErrors", false, PREVENT_USER_EXISTENCE_ERRORS);
        s.put("PreventUserExistenceErrors", prevent == null ? "LEGACY" : prevent);
        Boolean revocation = in.bool("EnableTokenRevocation");
        s.put("EnableTokenRevocation", revocation == null || revocation);
        s.put("EnablePropagateAdditionalUserContextData",
                Boolean.TRUE.equals(in.bool("EnablePropagateAdditionalUserContextData")));
        Integer session = in.integer("AuthSessionValidity", 3, 15);
        s.put("AuthSessionValidity", session == null ? 3 : session);

        RequestCheck rotationIn = in.structure("RefreshTokenRotation");
        ObjectNode rotation = s.putObject("RefreshTokenRotation");
        String feature = rotationIn == null ? null : rotationIn.enumValue("Feature", true, ROTATION_FEATURES);
        Integer grace = rotationIn == null ? null : rotationIn.integer("RetryGracePeriodSeconds", 0, 60);
        boolean enabled = "ENABLED".equals(feature);
        rotation.put("Feature", enabled ? "ENABLED" : "DISABLED");
        rotation.put("RetryGracePeriodSeconds", enabled && grace != null ? grace : 0);

        in.done();
        return new ClientRequest(poolId, clientId, name, generateSecret, clientSecret, s);
    }

    private static void putText(ObjectNode node, String member, String value) {
        if (value != null) {
            node.put(member, value);
        }
    }

    /** Lists keep their order without duplicates; an empty list is left out, as Cognito answers. */
    private static void putList(ObjectNode node, String member, List<String> values) {
        if (values != null && !values.isEmpty()) {
            ArrayNode array = node.putArray(member);
            new LinkedHashSet<>(values).forEach(array::add);
        }
    }

    /** Cognito returns URLs and attribute lists sorted. */
    private static void putSorted(ObjectNode node, String member, List<String> values) {
        putList(node, member, values == null ? null : List.copyOf(new TreeSet<>(values)));
    }
}
