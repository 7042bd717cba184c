package dev.cogform.core.testing;

import dev.cogform.core.model.Analytics;
import dev.cogform.core.model.AppClientField;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.RefreshTokenRotation;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of app-client settings whose every field is valid on its own (model ranges,
 * patterns and enums of {@code cognito-app-clients.md} §2-§3). Cross-field rules (OAuth combinations,
 * default redirect in the callbacks, ...) are not enforced except where stated: these settings test
 * mapping and comparison, not the validator.
 */
public final class SettingsArbitraries {

    public static final List<String> ALLOW_FLOWS = List.of("ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_CUSTOM_AUTH",
            "ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_AUTH");
    public static final List<String> LEGACY_FLOWS = List.of("ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY",
            "USER_PASSWORD_AUTH");
    public static final List<String> ATTRIBUTES = List.of("address", "birthdate", "email", "email_verified",
            "family_name", "gender", "given_name", "locale", "name", "nickname", "phone_number",
            "phone_number_verified", "picture", "preferred_username", "profile", "updated_at", "website",
            "zoneinfo", "custom:tenant", "custom:plan");
    public static final List<String> IDENTITY_PROVIDERS = List.of("COGNITO", "Google", "Facebook",
            "SignInWithApple", "LoginWithAmazon", "corp-saml", "Okta OIDC");
    public static final List<String> OAUTH_FLOWS = List.of("code", "implicit", "client_credentials");
    public static final List<String> SCOPES = List.of("openid", "email", "phone", "profile",
            "aws.cognito.signin.user.admin", "api/read", "api/write", "https://api.example.com/admin");

    private SettingsArbitraries() {
    }

    /** Settings with every field drawn independently from its valid values. */
    public static Arbitrary<AppClientSettings> validSettings() {
        Arbitrary<AppClientSettings> base = Builders.withBuilder(() -> AppClientSettings.builder("client"))
                .use(clientNames()).in(AppClientSettings.Builder::clientName)
                .use(accessOrIdTokenSeconds()).in(AppClientSettings.Builder::accessTokenValiditySeconds)
                .use(accessOrIdTokenSeconds()).in(AppClientSettings.Builder::idTokenValiditySeconds)
                .use(refreshTokenSeconds()).in(AppClientSettings.Builder::refreshTokenValiditySeconds)
                .use(Arbitraries.longs().between(3, 15).map(m -> m * 60))
                .in(AppClientSettings.Builder::authSessionValiditySeconds)
                .use(explicitAuthFlows()).in(AppClientSettings.Builder::explicitAuthFlows)
                .use(subsetOf(ATTRIBUTES)).in(AppClientSettings.Builder::readAttributes)
                .use(subsetOf(ATTRIBUTES)).in(AppClientSettings.Builder::writeAttributes)
                .use(subsetOf(IDENTITY_PROVIDERS)).in(AppClientSettings.Builder::supportedIdentityProviders)
                .use(urls("callback")).in(AppClientSettings.Builder::callbackUrls)
                .use(urls("logout")).in(AppClientSettings.Builder::logoutUrls)
                .use(subsetOf(OAUTH_FLOWS)).in(AppClientSettings.Builder::allowedOAuthFlows)
                .use(subsetOf(SCOPES)).in(AppClientSettings.Builder::allowedOAuthScopes)
                .use(analytics()).in(AppClientSettings.Builder::analytics)
                .use(Arbitraries.of("LEGACY", "ENABLED")).in(AppClientSettings.Builder::preventUserExistenceErrors)
                .use(refreshTokenRotations()).in(AppClientSettings.Builder::refreshTokenRotation)
                .build(AppClientSettings.Builder::build)
                .flatMap(SettingsArbitraries::withAnyBooleans);
        // The default redirect URI, when set, is one of the callbacks (Cognito requires it).
        return base.flatMap(s -> s.callbackUrls().isEmpty()
                ? Arbitraries.just(s)
                : Arbitraries.of(List.copyOf(s.callbackUrls())).injectNull(0.3)
                        .map(uri -> s.toBuilder().defaultRedirectUri(uri).build()));
    }

    /** Every boolean field drawn independently, by descriptor, so a new boolean field is drawn too. */
    private static Arbitrary<AppClientSettings> withAnyBooleans(AppClientSettings s) {
        List<AppClientField> booleans = java.util.Arrays.stream(AppClientField.values())
                .filter(f -> f.type() == Boolean.class).toList();
        return Arbitraries.of(true, false).list().ofSize(booleans.size()).map(values -> {
            AppClientSettings.Builder b = s.toBuilder();
            for (int i = 0; i < booleans.size(); i++) {
                booleans.get(i).set(b, values.get(i));
            }
            return b.build();
        });
    }

    /** Valid settings paired with one field whose value differs from Cognito's default for it. */
    public static Arbitrary<SingleChange> singleFieldChanges() {
        return validSettings().flatMap(s -> {
            AppClientSettings defaults = AppClientSettings.defaults(s.clientName());
            List<AppClientField> changed = java.util.Arrays.stream(AppClientField.values())
                    .filter(f -> f != AppClientField.NAME)
                    .filter(f -> !java.util.Objects.equals(f.get(s), f.get(defaults)))
                    .toList();
            if (changed.isEmpty()) {
                return Arbitraries.just(null);
            }
            return Arbitraries.of(changed).map(f -> {
                AppClientSettings.Builder b = defaults.toBuilder();
                f.copy(b, s);
                return new SingleChange(f, b.build());
            });
        }).filter(java.util.Objects::nonNull);
    }

    /** Settings that equal Cognito's defaults except in {@code field}. */
    public record SingleChange(AppClientField field, AppClientSettings settings) {
    }

    public static Arbitrary<String> clientNames() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+=,.@-")
                .ofMinLength(1).ofMaxLength(40);
    }

    /** Access and ID tokens: 5 minutes to 1 day, in any unit. */
    public static Arbitrary<Long> accessOrIdTokenSeconds() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(300, 86_400),
                Arbitraries.longs().between(5, 1_440).map(m -> m * 60),
                Arbitraries.longs().between(1, 24).map(h -> h * 3_600));
    }

    /** Refresh tokens: 1 hour to 10 years (3650 days), in any unit. */
    public static Arbitrary<Long> refreshTokenSeconds() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(3_600, 315_360_000),
                Arbitraries.longs().between(60, 5_256_000).map(m -> m * 60),
                Arbitraries.longs().between(1, 87_600).map(h -> h * 3_600),
                Arbitraries.longs().between(1, 3_650).map(d -> d * 86_400));
    }

    /** ALLOW_* flows or legacy flows, never mixed (Cognito rejects mixing). */
    public static Arbitrary<Set<String>> explicitAuthFlows() {
        return Arbitraries.oneOf(subsetOf(ALLOW_FLOWS), subsetOf(LEGACY_FLOWS));
    }

    public static Arbitrary<Set<String>> urls(String path) {
        Arbitrary<String> url = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 99).map(n -> "https://app" + n + ".example.com/" + path),
                Arbitraries.integers().between(1024, 65535).map(p -> "http://localhost:" + p + "/" + path),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(s -> "myapp://" + s));
        return url.set().ofMaxSize(5);
    }

    public static Arbitrary<Analytics> analytics() {
        Arbitrary<Analytics> byArn = Combinators.combine(
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(32), Arbitraries.of(true, false))
                .as((id, shared) -> new Analytics(null,
                        "arn:aws:mobiletargeting:us-east-1:123456789012:apps/" + id, null, null, shared));
        Arbitrary<Analytics> byId = Combinators.combine(
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(32),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20), Arbitraries.of(true, false))
                .as((id, external, shared) -> new Analytics(id, null,
                        "arn:aws:iam::123456789012:role/pinpoint", external, shared));
        return Arbitraries.oneOf(byArn, byId).injectNull(0.4);
    }

    public static Arbitrary<RefreshTokenRotation> refreshTokenRotations() {
        return Arbitraries.oneOf(
                Arbitraries.just(RefreshTokenRotation.DEFAULT),
                Arbitraries.integers().between(0, 60).map(g -> new RefreshTokenRotation(RefreshTokenRotation.ENABLED, g)));
    }

    private static Arbitrary<Set<String>> subsetOf(List<String> values) {
        return Arbitraries.of(values).set().ofMaxSize(values.size());
    }
}
