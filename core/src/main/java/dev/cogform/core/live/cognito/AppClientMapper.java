package dev.cogform.core.live.cognito;

import dev.cogform.core.model.Analytics;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.RefreshTokenRotation;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AnalyticsConfigurationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RefreshTokenRotationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TokenValidityUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * Maps canonical {@link AppClientSettings} to Cognito requests and Cognito's
 * {@code UserPoolClientType} back.
 *
 * <p>Writes send every mutable field with an explicit value, defaults, {@code false}, 0 and empty
 * lists included: Cognito resets whatever an update leaves out, and some peers keep it instead, so
 * only an explicit value means the same everywhere. The three token validities always travel with
 * their units. The only members left out are those whose default is "absent" and that have no
 * explicit empty form ({@code DefaultRedirectURI}, {@code AnalyticsConfiguration}).
 *
 * <p>Reads use the {@code *AsString(s)} accessors, so enum values newer than our SDK still show, and
 * {@code has*()}, and fold every absent member into Cognito's default. The secret is read only as
 * "present or not".
 */
final class AppClientMapper {

    /** Members of {@code UserPoolClientType} this mapper reads into settings (the guard test checks the list). */
    static final Set<String> READ_MEMBERS = Set.of("ClientName", "ClientSecret", "RefreshTokenValidity",
            "AccessTokenValidity", "IdTokenValidity", "TokenValidityUnits", "ReadAttributes", "WriteAttributes",
            "ExplicitAuthFlows", "SupportedIdentityProviders", "CallbackURLs", "LogoutURLs", "DefaultRedirectURI",
            "AllowedOAuthFlows", "AllowedOAuthScopes", "AllowedOAuthFlowsUserPoolClient", "AnalyticsConfiguration",
            "PreventUserExistenceErrors", "EnableTokenRevocation", "EnablePropagateAdditionalUserContextData",
            "AuthSessionValidity", "RefreshTokenRotation");

    private AppClientMapper() {
    }

    // toCreate and toUpdate set the same members on two SDK builders that share no interface; they are
    // spelled out rather than copied reflectively, and AppClientMapperGuardTest checks both are complete.
    static CreateUserPoolClientRequest toCreate(String poolId, AppClientSettings s) {
        Tokens t = Tokens.of(s);
        CreateUserPoolClientRequest.Builder b = CreateUserPoolClientRequest.builder()
                .userPoolId(poolId)
                .clientName(s.clientName())
                .generateSecret(s.generateSecret())
                .accessTokenValidity(t.access)
                .idTokenValidity(t.id)
                .refreshTokenValidity(t.refresh)
                .tokenValidityUnits(t.units)
                .authSessionValidity(authSessionMinutes(s))
                .explicitAuthFlowsWithStrings(list(s.explicitAuthFlows()))
                .readAttributes(list(s.readAttributes()))
                .writeAttributes(list(s.writeAttributes()))
                .supportedIdentityProviders(list(s.supportedIdentityProviders()))
                .callbackURLs(list(s.callbackUrls()))
                .logoutURLs(list(s.logoutUrls()))
                .allowedOAuthFlowsWithStrings(list(s.allowedOAuthFlows()))
                .allowedOAuthScopes(list(s.allowedOAuthScopes()))
                .allowedOAuthFlowsUserPoolClient(s.allowedOAuthFlowsUserPoolClient())
                .preventUserExistenceErrors(s.preventUserExistenceErrors())
                .enableTokenRevocation(s.enableTokenRevocation())
                .enablePropagateAdditionalUserContextData(s.enablePropagateAdditionalUserContextData())
                .refreshTokenRotation(rotation(s.refreshTokenRotation()));
        if (s.defaultRedirectUri() != null) {
            b.defaultRedirectURI(s.defaultRedirectUri());
        }
        if (s.analytics() != null) {
            b.analyticsConfiguration(analytics(s.analytics()));
        }
        return b.build();
    }

    /** The full update; {@code generateSecret} is create-only and has no member here. */
    static UpdateUserPoolClientRequest toUpdate(String poolId, String clientId, AppClientSettings s) {
        Tokens t = Tokens.of(s);
        UpdateUserPoolClientRequest.Builder b = UpdateUserPoolClientRequest.builder()
                .userPoolId(poolId)
                .clientId(clientId)
                .clientName(s.clientName())
                .accessTokenValidity(t.access)
                .idTokenValidity(t.id)
                .refreshTokenValidity(t.refresh)
                .tokenValidityUnits(t.units)
                .authSessionValidity(authSessionMinutes(s))
                .explicitAuthFlowsWithStrings(list(s.explicitAuthFlows()))
                .readAttributes(list(s.readAttributes()))
                .writeAttributes(list(s.writeAttributes()))
                .supportedIdentityProviders(list(s.supportedIdentityProviders()))
                .callbackURLs(list(s.callbackUrls()))
                .logoutURLs(list(s.logoutUrls()))
                .allowedOAuthFlowsWithStrings(list(s.allowedOAuthFlows()))
                .allowedOAuthScopes(list(s.allowedOAuthScopes()))
                .allowedOAuthFlowsUserPoolClient(s.allowedOAuthFlowsUserPoolClient())
                .preventUserExistenceErrors(s.preventUserExistenceErrors())
                .enableTokenRevocation(s.enableTokenRevocation())
                .enablePropagateAdditionalUserContextData(s.enablePropagateAdditionalUserContextData())
                .refreshTokenRotation(rotation(s.refreshTokenRotation()));
        if (s.defaultRedirectUri() != null) {
            b.defaultRedirectURI(s.defaultRedirectUri());
        }
        if (s.analytics() != null) {
            b.analyticsConfiguration(analytics(s.analytics()));
        }
        return b.build();
    }

    /** The canonical settings of a described client; absent members read as Cognito's defaults. */
    static AppClientSettings toSettings(UserPoolClientType c) {
        TokenValidityUnitsType units = c.tokenValidityUnits();
        TokenUnit accessUnit = TokenUnit.parse(units == null ? null : units.accessTokenAsString(), TokenUnit.HOURS);
        TokenUnit idUnit = TokenUnit.parse(units == null ? null : units.idTokenAsString(), TokenUnit.HOURS);
        TokenUnit refreshUnit = TokenUnit.parse(units == null ? null : units.refreshTokenAsString(), TokenUnit.DAYS);
        AppClientSettings.Builder b = AppClientSettings.builder(c.clientName())
                .generateSecret(c.clientSecret() != null && !c.clientSecret().isEmpty())
                .accessTokenValiditySeconds(seconds(c.accessTokenValidity(), accessUnit,
                        AppClientSettings.DEFAULT_ACCESS_TOKEN_SECONDS))
                .idTokenValiditySeconds(seconds(c.idTokenValidity(), idUnit,
                        AppClientSettings.DEFAULT_ID_TOKEN_SECONDS))
                .refreshTokenValiditySeconds(seconds(c.refreshTokenValidity(), refreshUnit,
                        AppClientSettings.DEFAULT_REFRESH_TOKEN_SECONDS))
                .authSessionValiditySeconds(c.authSessionValidity() == null
                        ? AppClientSettings.DEFAULT_AUTH_SESSION_SECONDS : c.authSessionValidity() * 60L)
                .explicitAuthFlows(c.hasExplicitAuthFlows() ? c.explicitAuthFlowsAsStrings() : List.of())
                .readAttributes(c.hasReadAttributes() ? c.readAttributes() : List.of())
                .writeAttributes(c.hasWriteAttributes() ? c.writeAttributes() : List.of())
                .supportedIdentityProviders(c.hasSupportedIdentityProviders() ? c.supportedIdentityProviders() : List.of())
                .callbackUrls(c.hasCallbackURLs() ? c.callbackURLs() : List.of())
                .logoutUrls(c.hasLogoutURLs() ? c.logoutURLs() : List.of())
                .defaultRedirectUri(c.defaultRedirectURI())
                .allowedOAuthFlows(c.hasAllowedOAuthFlows() ? c.allowedOAuthFlowsAsStrings() : List.of())
                .allowedOAuthScopes(c.hasAllowedOAuthScopes() ? c.allowedOAuthScopes() : List.of())
                .allowedOAuthFlowsUserPoolClient(Boolean.TRUE.equals(c.allowedOAuthFlowsUserPoolClient()))
                .analytics(analytics(c.analyticsConfiguration()))
                .preventUserExistenceErrors(c.preventUserExistenceErrorsAsString())
                .enableTokenRevocation(c.enableTokenRevocation() == null || c.enableTokenRevocation())
                .enablePropagateAdditionalUserContextData(
                        Boolean.TRUE.equals(c.enablePropagateAdditionalUserContextData()))
                .refreshTokenRotation(rotation(c.refreshTokenRotation()));
        return b.build();
    }

    private static long seconds(Integer value, TokenUnit unit, long fallback) {
        return value == null ? fallback : value * unit.seconds();
    }

    private static int authSessionMinutes(AppClientSettings s) {
        long seconds = s.authSessionValiditySeconds();
        if (seconds % 60 != 0 || seconds / 60 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("auth_session_validity must be whole minutes (3m to 15m), got "
                    + seconds + "s");
        }
        return (int) (seconds / 60);
    }

    private static List<String> list(Set<String> values) {
        return List.copyOf(values);
    }

    private static RefreshTokenRotationType rotation(RefreshTokenRotation r) {
        return RefreshTokenRotationType.builder()
                .feature(r.feature())
                .retryGracePeriodSeconds(r.retryGracePeriodSeconds())
                .build();
    }

    private static RefreshTokenRotation rotation(RefreshTokenRotationType r) {
        if (r == null || r.featureAsString() == null) {
            return RefreshTokenRotation.DEFAULT;
        }
        return new RefreshTokenRotation(r.featureAsString(),
                r.retryGracePeriodSeconds() == null ? 0 : r.retryGracePeriodSeconds());
    }

    private static AnalyticsConfigurationType analytics(Analytics a) {
        return AnalyticsConfigurationType.builder()
                .applicationId(a.applicationId())
                .applicationArn(a.applicationArn())
                .roleArn(a.roleArn())
                .externalId(a.externalId())
                .userDataShared(a.userDataShared())
                .build();
    }

    private static Analytics analytics(AnalyticsConfigurationType a) {
        if (a == null) {
            return null;
        }
        return new Analytics(a.applicationId(), a.applicationArn(), a.roleArn(), a.externalId(),
                Boolean.TRUE.equals(a.userDataShared()));
    }

    /** The three validities in the units that express each exactly. */
    private record Tokens(int access, int id, int refresh, TokenValidityUnitsType units) {

        static Tokens of(AppClientSettings s) {
            TokenUnit access = TokenUnit.exact(s.accessTokenValiditySeconds());
            TokenUnit id = TokenUnit.exact(s.idTokenValiditySeconds());
            TokenUnit refresh = TokenUnit.exact(s.refreshTokenValiditySeconds());
            return new Tokens(
                    value("access", s.accessTokenValiditySeconds(), access),
                    value("id", s.idTokenValiditySeconds(), id),
                    value("refresh", s.refreshTokenValiditySeconds(), refresh),
                    TokenValidityUnitsType.builder()
                            .accessToken(access.wire()).idToken(id.wire()).refreshToken(refresh.wire()).build());
        }

        private static int value(String token, long seconds, TokenUnit unit) {
            long value = seconds / unit.seconds();
            if (seconds < 0 || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(token + " token validity of " + seconds + "s is out of range");
            }
            return (int) value;
        }
    }
}
