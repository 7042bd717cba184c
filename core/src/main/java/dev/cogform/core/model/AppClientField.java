package dev.cogform.core.model;

import static dev.cogform.core.model.DriftSeverity.HIGH;
import static dev.cogform.core.model.DriftSeverity.LOW;
import static dev.cogform.core.model.DriftSeverity.MEDIUM;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The one descriptor of every field of {@link AppClientSettings}: its {@code cogform.yaml} key, the
 * Cognito (SDK) member it maps to, its Java type, Cognito's default, whether it is create-only, how
 * its values compare ({@link Kind}) and how much its drift matters ({@link DriftSeverity}).
 *
 * <p>Everything else is derived from this table: the YAML reader's keys and readers, the SDK request
 * and response mapping ({@code AppClientMapper}, by SDK member name), the plan JSON values, the field
 * properties of the JSON Schema and the field table of {@code docs/configuration.md} (both checked by
 * tests that regenerate them), the planner's field-by-field diff and {@code lifecycle.ignore_changes}.
 * Adding a field is: the record component, one entry here, the sandbox's handling, and regenerated
 * golden files (see {@code docs/contributing.md}).
 */
public enum AppClientField {
    NAME(field("name", "ClientName", Kind.SCALAR, String.class).byDefault(null, "the client key").severity(LOW)
            .doc("1-128 of letters, digits, spaces, + = , . @ - _. Updatable in place."),
            AppClientSettings::clientName, AppClientSettings.Builder::clientName),
    GENERATE_SECRET(field("generate_secret", "GenerateSecret", Kind.SCALAR, Boolean.class).byDefault(false)
            .onlyAtCreate().severity(HIGH)
            .doc("Fixed at creation: changing it replaces the client (new client id)."),
            AppClientSettings::generateSecret, AppClientSettings.Builder::generateSecret),
    ACCESS_TOKEN_VALIDITY(field("token_validity.access", "AccessTokenValidity", Kind.DURATION, Long.class)
            .byDefault(AppClientSettings.DEFAULT_ACCESS_TOKEN_SECONDS).severity(MEDIUM)
            .doc("Access token lifetime, 5m to 1d; sent with TokenValidityUnits.AccessToken."),
            AppClientSettings::accessTokenValiditySeconds, AppClientSettings.Builder::accessTokenValiditySeconds),
    ID_TOKEN_VALIDITY(field("token_validity.id", "IdTokenValidity", Kind.DURATION, Long.class)
            .byDefault(AppClientSettings.DEFAULT_ID_TOKEN_SECONDS).severity(MEDIUM)
            .doc("ID token lifetime, 5m to 1d; sent with TokenValidityUnits.IdToken."),
            AppClientSettings::idTokenValiditySeconds, AppClientSettings.Builder::idTokenValiditySeconds),
    REFRESH_TOKEN_VALIDITY(field("token_validity.refresh", "RefreshTokenValidity", Kind.DURATION, Long.class)
            .byDefault(AppClientSettings.DEFAULT_REFRESH_TOKEN_SECONDS).severity(MEDIUM)
            .doc("Refresh token lifetime, 60m to 3650d; sent with TokenValidityUnits.RefreshToken."),
            AppClientSettings::refreshTokenValiditySeconds, AppClientSettings.Builder::refreshTokenValiditySeconds),
    AUTH_SESSION_VALIDITY(field("auth_session_validity", "AuthSessionValidity", Kind.DURATION, Long.class)
            .byDefault(AppClientSettings.DEFAULT_AUTH_SESSION_SECONDS).severity(LOW)
            .doc("3m to 15m, whole minutes."),
            AppClientSettings::authSessionValiditySeconds, AppClientSettings.Builder::authSessionValiditySeconds),
    EXPLICIT_AUTH_FLOWS(field("explicit_auth_flows", "ExplicitAuthFlows", Kind.SET, Set.class)
            .byDefault(AppClientSettings.DEFAULT_EXPLICIT_AUTH_FLOWS).severity(HIGH)
            .doc("Legacy flows (ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY, USER_PASSWORD_AUTH) do not mix with"
                    + " ALLOW_* flows. An empty list means the default."),
            AppClientSettings::explicitAuthFlows, AppClientSettings.Builder::explicitAuthFlows),
    READ_ATTRIBUTES(field("read_attributes", "ReadAttributes", Kind.SET, Set.class)
            .byDefault(Set.of(), "Cognito's default permissions").severity(MEDIUM)
            .doc("Standard attributes or custom:NAME."),
            AppClientSettings::readAttributes, AppClientSettings.Builder::readAttributes),
    WRITE_ATTRIBUTES(field("write_attributes", "WriteAttributes", Kind.SET, Set.class)
            .byDefault(Set.of(), "Cognito's default permissions").severity(MEDIUM)
            .doc("Standard attributes or custom:NAME; required attributes stay writable."),
            AppClientSettings::writeAttributes, AppClientSettings.Builder::writeAttributes),
    SUPPORTED_IDENTITY_PROVIDERS(field("supported_identity_providers", "SupportedIdentityProviders", Kind.SET,
            Set.class).byDefault(Set.of()).severity(MEDIUM)
            .doc("COGNITO, Google, Facebook, SignInWithApple, LoginWithAmazon, or a SAML/OIDC provider of the"
                    + " pool; checked against the pool at plan time."),
            AppClientSettings::supportedIdentityProviders, AppClientSettings.Builder::supportedIdentityProviders),
    CALLBACK_URLS(field("callback_urls", "CallbackURLs", Kind.SET, Set.class).byDefault(Set.of()).severity(HIGH)
            .doc("https, or http on localhost/127.0.0.1/[::1], or an app scheme (myapp://cb); absolute,"
                    + " no #fragment."),
            AppClientSettings::callbackUrls, AppClientSettings.Builder::callbackUrls),
    LOGOUT_URLS(field("logout_urls", "LogoutURLs", Kind.SET, Set.class).byDefault(Set.of()).severity(HIGH)
            .doc("Same form as callback_urls (plain http off loopback is a warning)."),
            AppClientSettings::logoutUrls, AppClientSettings.Builder::logoutUrls),
    DEFAULT_REDIRECT_URI(field("default_redirect_uri", "DefaultRedirectURI", Kind.SCALAR, String.class)
            .byDefault(null).severity(HIGH)
            .doc("Must be one of callback_urls."),
            AppClientSettings::defaultRedirectUri, AppClientSettings.Builder::defaultRedirectUri),
    ALLOWED_OAUTH_FLOWS(field("allowed_oauth_flows", "AllowedOAuthFlows", Kind.SET, Set.class)
            .byDefault(Set.of()).severity(HIGH)
            .doc("client_credentials must be the only flow; code and implicit need callback_urls."),
            AppClientSettings::allowedOAuthFlows, AppClientSettings.Builder::allowedOAuthFlows),
    ALLOWED_OAUTH_SCOPES(field("allowed_oauth_scopes", "AllowedOAuthScopes", Kind.SET, Set.class)
            .byDefault(Set.of()).severity(HIGH)
            .doc("openid, email, phone, profile, aws.cognito.signin.user.admin, or a custom"
                    + " RESOURCE_SERVER/SCOPE (checked against the pool at plan time)."),
            AppClientSettings::allowedOAuthScopes, AppClientSettings.Builder::allowedOAuthScopes),
    ALLOWED_OAUTH_FLOWS_USER_POOL_CLIENT(field("allowed_oauth_flows_user_pool_client",
            "AllowedOAuthFlowsUserPoolClient", Kind.SCALAR, Boolean.class).byDefault(false).severity(HIGH)
            .doc("Must be true for OAuth flows, scopes and URLs to take effect."),
            AppClientSettings::allowedOAuthFlowsUserPoolClient,
            AppClientSettings.Builder::allowedOAuthFlowsUserPoolClient),
    ANALYTICS(field("analytics", "AnalyticsConfiguration", Kind.STRUCT, Analytics.class).byDefault(null)
            .severity(LOW)
            .doc("application_arn, or application_id with role_arn and external_id."),
            AppClientSettings::analytics, AppClientSettings.Builder::analytics),
    PREVENT_USER_EXISTENCE_ERRORS(field("prevent_user_existence_errors", "PreventUserExistenceErrors",
            Kind.SCALAR, String.class).byDefault(AppClientSettings.DEFAULT_PREVENT_USER_EXISTENCE_ERRORS)
            .severity(HIGH)
            .doc("The console defaults to ENABLED."),
            AppClientSettings::preventUserExistenceErrors, AppClientSettings.Builder::preventUserExistenceErrors),
    ENABLE_TOKEN_REVOCATION(field("enable_token_revocation", "EnableTokenRevocation", Kind.SCALAR, Boolean.class)
            .byDefault(true).severity(HIGH)
            .doc("Lets RevokeToken invalidate the client's refresh tokens."),
            AppClientSettings::enableTokenRevocation, AppClientSettings.Builder::enableTokenRevocation),
    ENABLE_PROPAGATE_ADDITIONAL_USER_CONTEXT_DATA(field("enable_propagate_additional_user_context_data",
            "EnablePropagateAdditionalUserContextData", Kind.SCALAR, Boolean.class).byDefault(false)
            .severity(MEDIUM)
            .doc("Needs generate_secret: true."),
            AppClientSettings::enablePropagateAdditionalUserContextData,
            AppClientSettings.Builder::enablePropagateAdditionalUserContextData),
    REFRESH_TOKEN_ROTATION(field("refresh_token_rotation", "RefreshTokenRotation", Kind.STRUCT,
            RefreshTokenRotation.class).byDefault(RefreshTokenRotation.DEFAULT, "feature DISABLED").severity(MEDIUM)
            .doc("Rotation excludes ALLOW_REFRESH_TOKEN_AUTH."),
            AppClientSettings::refreshTokenRotation, AppClientSettings.Builder::refreshTokenRotation);

    /** How a field's values read and compare. */
    public enum Kind {
        /** One string or boolean, compared by equality. */
        SCALAR,
        /** Whole seconds in canonical form; written in YAML as {@code 30m}, sent to Cognito with a unit. */
        DURATION,
        /** A set of strings: order never matters, and diffs name what was added and removed. */
        SET,
        /** A nested Cognito structure with a record of its own; reader and SDK mapping are written by hand. */
        STRUCT
    }

    private final Spec spec;
    private final Function<AppClientSettings, Object> getter;
    private final BiConsumer<AppClientSettings.Builder, Object> setter;

    @SuppressWarnings("unchecked")
    <T> AppClientField(Spec spec, Function<AppClientSettings, ? extends T> getter,
                       BiConsumer<AppClientSettings.Builder, T> setter) {
        this.spec = spec;
        this.getter = (Function<AppClientSettings, Object>) getter;
        this.setter = (BiConsumer<AppClientSettings.Builder, Object>) setter;
    }

    /** The key in {@code cogform.yaml} (dotted for nested token validities). */
    public String key() {
        return spec.key;
    }

    /**
     * The member of {@code CreateUserPoolClientRequest} (and, except for create-only fields, of
     * {@code UpdateUserPoolClientRequest} and {@code UserPoolClientType}) this field maps to, as the
     * SDK's {@code SdkField.memberName()} spells it.
     */
    public String sdkMember() {
        return spec.sdkMember;
    }

    public Kind kind() {
        return spec.kind;
    }

    /** The Java type of {@link #get}'s value: String, Boolean, Long (seconds), Set (of String) or a record. */
    public Class<?> type() {
        return spec.type;
    }

    /** Cognito's default in canonical form: the value of a client created with nothing but its name. */
    public Object cognitoDefault() {
        return spec.cognitoDefault;
    }

    /**
     * Cognito's default as the docs and the schema say it: the value in YAML form ({@code 1h},
     * {@code false}, {@code none}), or words where the value alone would mislead (an empty attribute
     * list means "Cognito's default permissions", not none).
     */
    public String defaultText() {
        Object d = spec.cognitoDefault;
        if (spec.defaultWords != null) {
            return spec.defaultWords;
        }
        if (d == null || d instanceof Collection<?> c && c.isEmpty()) {
            return "none";
        }
        if (d instanceof Long seconds) {
            return Durations.format(seconds);
        }
        return d instanceof Collection<?> c ? String.join(", ", c.stream().map(String::valueOf).toList())
                : String.valueOf(d);
    }

    /** Whether the field can only be set when the client is created (a change forces replacement). */
    public boolean createOnly() {
        return spec.createOnly;
    }

    /** How much drift in this field matters; display only. */
    public DriftSeverity severity() {
        return spec.severity;
    }

    /** One or two sentences for users: constraints and interactions beyond type and default. */
    public String doc() {
        return spec.doc;
    }

    /** The members of a struct field, in cogform.yaml's order; empty for the other kinds. */
    public List<StructMember> members() {
        return switch (this) {
            case ANALYTICS -> StructMember.ANALYTICS;
            case REFRESH_TOKEN_ROTATION -> StructMember.REFRESH_TOKEN_ROTATION;
            default -> List.of();
        };
    }

    /** The member at {@code path} ({@code analytics.role_arn}) of this struct field, if there is one. */
    public Optional<StructMember> member(String path) {
        return members().stream().filter(m -> path.equals(key() + "." + m.key())).findFirst();
    }

    /** The field at {@code path}: a field's key, or a struct member's ({@code analytics.role_arn}). */
    public static Optional<AppClientField> byPath(String path) {
        return Arrays.stream(values()).filter(f -> f.key().equals(path) || f.member(path).isPresent()).findFirst();
    }

    /** The value of this field in {@code settings}, of {@link #type()}. */
    public Object get(AppClientSettings settings) {
        return getter.apply(settings);
    }

    /** Sets this field in {@code into}; {@code value} must be of {@link #type()} (a Collection for sets). */
    public void set(AppClientSettings.Builder into, Object value) {
        // Readers hand over lists (YAML sequences, SDK lists); the setter's erased type is Set.
        setter.accept(into, value instanceof Collection<?> c && !(value instanceof Set) ? Set.copyOf(c) : value);
    }

    /** Copies this field's value from {@code from} into {@code into}. */
    public void copy(AppClientSettings.Builder into, AppClientSettings from) {
        set(into, get(from));
    }

    public static Optional<AppClientField> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst();
    }

    private static Spec field(String key, String sdkMember, Kind kind, Class<?> type) {
        return new Spec(key, sdkMember, kind, type, null, null, false, null, "");
    }

    /** The descriptor data of one field, written as a chain so that each entry reads as a sentence. */
    private record Spec(String key, String sdkMember, Kind kind, Class<?> type, Object cognitoDefault,
                        String defaultWords, boolean createOnly, DriftSeverity severity, String doc) {

        Spec byDefault(Object value) {
            return byDefault(value, null);
        }

        Spec byDefault(Object value, String words) {
            return new Spec(key, sdkMember, kind, type, value, words, createOnly, severity, doc);
        }

        Spec onlyAtCreate() {
            return new Spec(key, sdkMember, kind, type, cognitoDefault, defaultWords, true, severity, doc);
        }

        Spec severity(DriftSeverity s) {
            return new Spec(key, sdkMember, kind, type, cognitoDefault, defaultWords, createOnly,
                    Objects.requireNonNull(s), doc);
        }

        Spec doc(String text) {
            return new Spec(key, sdkMember, kind, type, cognitoDefault, defaultWords, createOnly, severity, text);
        }
    }
}
