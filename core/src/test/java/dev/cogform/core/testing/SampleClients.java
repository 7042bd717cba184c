package dev.cogform.core.testing;

import dev.cogform.core.model.Analytics;
import dev.cogform.core.model.AppClientField;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.RefreshTokenRotation;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/** Fixed client settings for tests that need one known client rather than random ones. */
public final class SampleClients {

    private SampleClients() {
    }

    /**
     * A confidential web client with every field away from Cognito's default and the whole set
     * valid under Cognito's rules (only {@code COGNITO} as IdP and standard scopes, so the pool
     * needs nothing but itself).
     */
    public static AppClientSettings everyFieldSet(String name) {
        AppClientSettings.Builder flipped = AppClientSettings.builder(name);
        // Every boolean away from its default, so that a new boolean field is covered without an edit
        // here; a field whose flipped value breaks a Cognito rule gets an explicit value below.
        for (AppClientField f : AppClientField.values()) {
            if (f.type() == Boolean.class) {
                f.set(flipped, !(Boolean) f.cognitoDefault());
            }
        }
        AppClientSettings s = flipped
                .accessTokenValiditySeconds(30 * 60)
                .idTokenValiditySeconds(2 * 3_600)
                .refreshTokenValiditySeconds(90L * 86_400)
                .authSessionValiditySeconds(10 * 60)
                .explicitAuthFlows(Set.of("ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH"))
                .readAttributes(Set.of("email", "email_verified", "name"))
                .writeAttributes(Set.of("email", "name"))
                .supportedIdentityProviders(Set.of("COGNITO"))
                .callbackUrls(Set.of("https://app.example.com/callback", "http://localhost:3000/callback"))
                .logoutUrls(Set.of("https://app.example.com/logout"))
                .defaultRedirectUri("https://app.example.com/callback")
                .allowedOAuthFlows(Set.of("code"))
                .allowedOAuthScopes(Set.of("openid", "email", "profile"))
                .analytics(new Analytics(null,
                        "arn:aws:mobiletargeting:us-east-1:123456789012:apps/0123456789abcdef0123456789abcdef",
                        null, null, true))
                .preventUserExistenceErrors("ENABLED")
                .refreshTokenRotation(new RefreshTokenRotation(RefreshTokenRotation.ENABLED, 30))
                .build();
        AppClientSettings defaults = AppClientSettings.defaults(name);
        String same = Arrays.stream(AppClientField.values())
                .filter(f -> f != AppClientField.NAME && Objects.equals(f.get(s), f.get(defaults)))
                .map(AppClientField::key)
                .reduce((a, b) -> a + ", " + b).orElse(null);
        if (same != null) {
            throw new IllegalStateException("everyFieldSet leaves fields at their default: " + same);
        }
        return s;
    }
}
