package dev.cogform.core.live.cognito;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RefreshTokenRotationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TokenValidityUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * Simulates the {@code UserPoolClientType} Cognito returns for a Create or Update request: every
 * member sent is echoed by name, lists come back sorted (as Cognito sorts URLs and attributes), and
 * a secret appears when the client has one. In {@link Style#SPARSE} style, members holding their
 * default are left out, as older clients or other servers show them; reading must fold them back.
 */
final class CognitoEcho {

    enum Style { FULL, SPARSE }

    private static final Map<String, SdkField<?>> CLIENT_FIELDS = UserPoolClientType.builder().sdkFields().stream()
            .collect(Collectors.toMap(SdkField::memberName, Function.identity()));

    private CognitoEcho() {
    }

    static UserPoolClientType echo(SdkPojo request, String clientId, boolean secret, Style style) {
        UserPoolClientType.Builder b = UserPoolClientType.builder();
        for (SdkField<?> f : request.sdkFields()) {
            SdkField<?> target = CLIENT_FIELDS.get(f.memberName());
            Object value = f.getValueOrDefault(request);
            if (target == null || value == null || value instanceof SdkAutoConstructList) {
                continue;
            }
            if (value instanceof List<?> list) {
                List<String> sorted = new ArrayList<>();
                list.forEach(v -> sorted.add(String.valueOf(v)));
                Collections.sort(sorted);
                value = sorted;
            }
            target.set(b, value);
        }
        b.clientId(clientId);
        if (secret) {
            b.clientSecret("s3cr3t" + clientId + "0123456789abcdefghij");
        }
        UserPoolClientType full = b.build();
        return style == Style.FULL ? full : sparse(full);
    }

    private static UserPoolClientType sparse(UserPoolClientType c) {
        UserPoolClientType.Builder b = c.toBuilder();
        TokenValidityUnitsType u = c.tokenValidityUnits();
        boolean defaultUnits = u != null && "hours".equals(u.accessTokenAsString())
                && "hours".equals(u.idTokenAsString()) && "days".equals(u.refreshTokenAsString());
        if (defaultUnits) {
            b.tokenValidityUnits((TokenValidityUnitsType) null);
            if (Integer.valueOf(1).equals(c.accessTokenValidity())) {
                b.accessTokenValidity(null);
            }
            if (Integer.valueOf(1).equals(c.idTokenValidity())) {
                b.idTokenValidity(null);
            }
            if (Integer.valueOf(30).equals(c.refreshTokenValidity())) {
                b.refreshTokenValidity(null);
            }
        }
        if (Set.copyOf(c.explicitAuthFlowsAsStrings()).equals(
                Set.of("ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"))) {
            b.explicitAuthFlowsWithStrings((List<String>) null);
        }
        if (c.readAttributes().isEmpty()) {
            b.readAttributes((List<String>) null);
        }
        if (c.writeAttributes().isEmpty()) {
            b.writeAttributes((List<String>) null);
        }
        if (c.supportedIdentityProviders().isEmpty()) {
            b.supportedIdentityProviders((List<String>) null);
        }
        if (c.callbackURLs().isEmpty()) {
            b.callbackURLs((List<String>) null);
        }
        if (c.logoutURLs().isEmpty()) {
            b.logoutURLs((List<String>) null);
        }
        if (c.allowedOAuthFlowsAsStrings().isEmpty()) {
            b.allowedOAuthFlowsWithStrings((List<String>) null);
        }
        if (c.allowedOAuthScopes().isEmpty()) {
            b.allowedOAuthScopes((List<String>) null);
        }
        if (Boolean.FALSE.equals(c.allowedOAuthFlowsUserPoolClient())) {
            b.allowedOAuthFlowsUserPoolClient(null);
        }
        if ("LEGACY".equals(c.preventUserExistenceErrorsAsString())) {
            b.preventUserExistenceErrors((String) null);
        }
        if (Boolean.TRUE.equals(c.enableTokenRevocation())) {
            b.enableTokenRevocation(null);
        }
        if (Boolean.FALSE.equals(c.enablePropagateAdditionalUserContextData())) {
            b.enablePropagateAdditionalUserContextData(null);
        }
        if (Integer.valueOf(3).equals(c.authSessionValidity())) {
            b.authSessionValidity(null);
        }
        RefreshTokenRotationType r = c.refreshTokenRotation();
        if (r != null && "DISABLED".equals(r.featureAsString())) {
            b.refreshTokenRotation((RefreshTokenRotationType) null);
        }
        return b.build();
    }
}
