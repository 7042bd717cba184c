package dev.cogform.core.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Every field of {@link AppClientSettings}, with the key users write in YAML. The planner diffs
 * field by field through this table, {@code lifecycle.ignore_changes} names these keys, and views
 * format values by {@link Kind}; a field added to the record must be added here (a test checks it).
 */
public enum AppClientField {
    NAME("name", Kind.SCALAR, AppClientSettings::clientName, (b, s) -> b.clientName(s.clientName())),
    GENERATE_SECRET("generate_secret", Kind.SCALAR, AppClientSettings::generateSecret,
            (b, s) -> b.generateSecret(s.generateSecret())),
    ACCESS_TOKEN_VALIDITY("token_validity.access", Kind.DURATION, AppClientSettings::accessTokenValiditySeconds,
            (b, s) -> b.accessTokenValiditySeconds(s.accessTokenValiditySeconds())),
    ID_TOKEN_VALIDITY("token_validity.id", Kind.DURATION, AppClientSettings::idTokenValiditySeconds,
            (b, s) -> b.idTokenValiditySeconds(s.idTokenValiditySeconds())),
    REFRESH_TOKEN_VALIDITY("token_validity.refresh", Kind.DURATION, AppClientSettings::refreshTokenValiditySeconds,
            (b, s) -> b.refreshTokenValiditySeconds(s.refreshTokenValiditySeconds())),
    AUTH_SESSION_VALIDITY("auth_session_validity", Kind.DURATION, AppClientSettings::authSessionValiditySeconds,
            (b, s) -> b.authSessionValiditySeconds(s.authSessionValiditySeconds())),
    EXPLICIT_AUTH_FLOWS("explicit_auth_flows", Kind.SET, AppClientSettings::explicitAuthFlows,
            (b, s) -> b.explicitAuthFlows(s.explicitAuthFlows())),
    READ_ATTRIBUTES("read_attributes", Kind.SET, AppClientSettings::readAttributes,
            (b, s) -> b.readAttributes(s.readAttributes())),
    WRITE_ATTRIBUTES("write_attributes", Kind.SET, AppClientSettings::writeAttributes,
            (b, s) -> b.writeAttributes(s.writeAttributes())),
    SUPPORTED_IDENTITY_PROVIDERS("supported_identity_providers", Kind.SET,
            AppClientSettings::supportedIdentityProviders,
            (b, s) -> b.supportedIdentityProviders(s.supportedIdentityProviders())),
    CALLBACK_URLS("callback_urls", Kind.SET, AppClientSettings::callbackUrls,
            (b, s) -> b.callbackUrls(s.callbackUrls())),
    LOGOUT_URLS("logout_urls", Kind.SET, AppClientSettings::logoutUrls, (b, s) -> b.logoutUrls(s.logoutUrls())),
    DEFAULT_REDIRECT_URI("default_redirect_uri", Kind.SCALAR, AppClientSettings::defaultRedirectUri,
            (b, s) -> b.defaultRedirectUri(s.defaultRedirectUri())),
    ALLOWED_OAUTH_FLOWS("allowed_oauth_flows", Kind.SET, AppClientSettings::allowedOAuthFlows,
            (b, s) -> b.allowedOAuthFlows(s.allowedOAuthFlows())),
    ALLOWED_OAUTH_SCOPES("allowed_oauth_scopes", Kind.SET, AppClientSettings::allowedOAuthScopes,
            (b, s) -> b.allowedOAuthScopes(s.allowedOAuthScopes())),
    ALLOWED_OAUTH_FLOWS_USER_POOL_CLIENT("allowed_oauth_flows_user_pool_client", Kind.SCALAR,
            AppClientSettings::allowedOAuthFlowsUserPoolClient,
            (b, s) -> b.allowedOAuthFlowsUserPoolClient(s.allowedOAuthFlowsUserPoolClient())),
    ANALYTICS("analytics", Kind.STRUCT, AppClientSettings::analytics, (b, s) -> b.analytics(s.analytics())),
    PREVENT_USER_EXISTENCE_ERRORS("prevent_user_existence_errors", Kind.SCALAR,
            AppClientSettings::preventUserExistenceErrors,
            (b, s) -> b.preventUserExistenceErrors(s.preventUserExistenceErrors())),
    ENABLE_TOKEN_REVOCATION("enable_token_revocation", Kind.SCALAR, AppClientSettings::enableTokenRevocation,
            (b, s) -> b.enableTokenRevocation(s.enableTokenRevocation())),
    ENABLE_PROPAGATE_ADDITIONAL_USER_CONTEXT_DATA("enable_propagate_additional_user_context_data", Kind.SCALAR,
            AppClientSettings::enablePropagateAdditionalUserContextData,
            (b, s) -> b.enablePropagateAdditionalUserContextData(s.enablePropagateAdditionalUserContextData())),
    REFRESH_TOKEN_ROTATION("refresh_token_rotation", Kind.STRUCT, AppClientSettings::refreshTokenRotation,
            (b, s) -> b.refreshTokenRotation(s.refreshTokenRotation()));

    /** How a field's values read and compare. */
    public enum Kind { SCALAR, DURATION, SET, STRUCT }

    private final String key;
    private final Kind kind;
    private final Function<AppClientSettings, Object> getter;
    private final BiConsumer<AppClientSettings.Builder, AppClientSettings> copier;

    AppClientField(String key, Kind kind, Function<AppClientSettings, Object> getter,
                   BiConsumer<AppClientSettings.Builder, AppClientSettings> copier) {
        this.key = key;
        this.kind = kind;
        this.getter = getter;
        this.copier = copier;
    }

    /** The key in {@code cogform.yaml} (dotted for nested token validities). */
    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    /** The value of this field in {@code settings}: a String, Boolean, Long (seconds), Set or record. */
    public Object get(AppClientSettings settings) {
        return getter.apply(settings);
    }

    /** Copies this field's value from {@code from} into {@code into}. */
    public void copy(AppClientSettings.Builder into, AppClientSettings from) {
        copier.accept(into, from);
    }

    /** Whether the field can only be set when the client is created (a change forces replacement). */
    public boolean createOnly() {
        return this == GENERATE_SECRET;
    }

    /**
     * The record a {@link Kind#STRUCT} field holds, so its JSON can be read back as that record; empty
     * for the other kinds.
     */
    public Optional<Class<? extends Record>> structType() {
        return switch (this) {
            case ANALYTICS -> Optional.of(Analytics.class);
            case REFRESH_TOKEN_ROTATION -> Optional.of(RefreshTokenRotation.class);
            default -> Optional.empty();
        };
    }

    public static Optional<AppClientField> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }
}
