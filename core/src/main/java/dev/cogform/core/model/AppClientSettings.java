package dev.cogform.core.model;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The canonical settings of one app client: what cogform compares, records and sends. Durations are
 * whole seconds; list fields are sorted sets; every absent value is replaced by Cognito's default for
 * it (see {@link #defaults(String)}), so "left out" and "set to the default" are the same value.
 * The client secret is never part of it; {@code generateSecret} says only whether one exists.
 *
 * <p>Two folds happen here and nowhere else: an empty {@code explicitAuthFlows} means Cognito's
 * default flows, and a disabled refresh-token rotation carries a grace period of 0. Empty
 * {@code readAttributes}/{@code writeAttributes} mean Cognito's default permissions (not expanded).
 * {@link Analytics} folds Cognito's service-linked role itself. The pool's required attributes, which
 * Cognito adds to a non-empty {@code writeAttributes}, are folded by {@link #withRequiredWritable},
 * since only the pool knows them.
 */
public record AppClientSettings(
        String clientName,
        boolean generateSecret,
        long accessTokenValiditySeconds,
        long idTokenValiditySeconds,
        long refreshTokenValiditySeconds,
        long authSessionValiditySeconds,
        Set<String> explicitAuthFlows,
        Set<String> readAttributes,
        Set<String> writeAttributes,
        Set<String> supportedIdentityProviders,
        Set<String> callbackUrls,
        Set<String> logoutUrls,
        String defaultRedirectUri,
        Set<String> allowedOAuthFlows,
        Set<String> allowedOAuthScopes,
        boolean allowedOAuthFlowsUserPoolClient,
        Analytics analytics,
        String preventUserExistenceErrors,
        boolean enableTokenRevocation,
        boolean enablePropagateAdditionalUserContextData,
        RefreshTokenRotation refreshTokenRotation) {

    public static final long DEFAULT_ACCESS_TOKEN_SECONDS = 3_600;
    public static final long DEFAULT_ID_TOKEN_SECONDS = 3_600;
    public static final long DEFAULT_REFRESH_TOKEN_SECONDS = 30L * 86_400;
    public static final long DEFAULT_AUTH_SESSION_SECONDS = 3 * 60;
    /** What Cognito allows when a client names no explicit auth flows. */
    public static final Set<String> DEFAULT_EXPLICIT_AUTH_FLOWS =
            sorted(Set.of("ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"));
    public static final String DEFAULT_PREVENT_USER_EXISTENCE_ERRORS = "LEGACY";

    public AppClientSettings {
        Objects.requireNonNull(clientName, "clientName");
        explicitAuthFlows = explicitAuthFlows == null || explicitAuthFlows.isEmpty()
                ? DEFAULT_EXPLICIT_AUTH_FLOWS : sorted(explicitAuthFlows);
        readAttributes = sorted(readAttributes);
        writeAttributes = sorted(writeAttributes);
        supportedIdentityProviders = sorted(supportedIdentityProviders);
        callbackUrls = sorted(callbackUrls);
        logoutUrls = sorted(logoutUrls);
        allowedOAuthFlows = sorted(allowedOAuthFlows);
        allowedOAuthScopes = sorted(allowedOAuthScopes);
        preventUserExistenceErrors = preventUserExistenceErrors == null
                ? DEFAULT_PREVENT_USER_EXISTENCE_ERRORS : preventUserExistenceErrors;
        refreshTokenRotation = refreshTokenRotation == null ? RefreshTokenRotation.DEFAULT : refreshTokenRotation;
    }

    /** A client with nothing set but its name: what Cognito creates from {@code CreateUserPoolClient(name)}. */
    public static AppClientSettings defaults(String clientName) {
        return builder(clientName).build();
    }

    public static Builder builder(String clientName) {
        return new Builder(clientName);
    }

    /**
     * These settings as Cognito stores them in a pool whose required attributes are {@code required}:
     * a non-empty {@code writeAttributes} gains them (required attributes are always writable); an
     * empty one already means "every standard attribute" and stays empty.
     */
    public AppClientSettings withRequiredWritable(Set<String> required) {
        if (writeAttributes.isEmpty() || writeAttributes.containsAll(required)) {
            return this;
        }
        Set<String> all = new TreeSet<>(writeAttributes);
        all.addAll(required);
        return toBuilder().writeAttributes(all).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    private static Set<String> sorted(Collection<String> values) {
        if (values == null || values.isEmpty()) {
            return Collections.emptySortedSet();
        }
        SortedSet<String> copy = new TreeSet<>();
        for (String v : values) {
            copy.add(Objects.requireNonNull(v, "set element"));
        }
        return Collections.unmodifiableSortedSet(copy);
    }

    /** Builds settings; every field starts at Cognito's default, as {@link AppClientField} gives it. */
    public static final class Builder {
        private String clientName;
        private boolean generateSecret;
        private long accessTokenValiditySeconds;
        private long idTokenValiditySeconds;
        private long refreshTokenValiditySeconds;
        private long authSessionValiditySeconds;
        private Set<String> explicitAuthFlows;
        private Set<String> readAttributes;
        private Set<String> writeAttributes;
        private Set<String> supportedIdentityProviders;
        private Set<String> callbackUrls;
        private Set<String> logoutUrls;
        private String defaultRedirectUri;
        private Set<String> allowedOAuthFlows;
        private Set<String> allowedOAuthScopes;
        private boolean allowedOAuthFlowsUserPoolClient;
        private Analytics analytics;
        private String preventUserExistenceErrors;
        private boolean enableTokenRevocation;
        private boolean enablePropagateAdditionalUserContextData;
        private RefreshTokenRotation refreshTokenRotation;

        private Builder(String clientName) {
            for (AppClientField f : AppClientField.values()) {
                f.set(this, f.cognitoDefault());
            }
            this.clientName = clientName;
        }

        private Builder(AppClientSettings s) {
            for (AppClientField f : AppClientField.values()) {
                f.copy(this, s);
            }
        }

        public Builder clientName(String v) { clientName = v; return this; }
        public Builder generateSecret(boolean v) { generateSecret = v; return this; }
        public Builder accessTokenValiditySeconds(long v) { accessTokenValiditySeconds = v; return this; }
        public Builder idTokenValiditySeconds(long v) { idTokenValiditySeconds = v; return this; }
        public Builder refreshTokenValiditySeconds(long v) { refreshTokenValiditySeconds = v; return this; }
        public Builder authSessionValiditySeconds(long v) { authSessionValiditySeconds = v; return this; }
        public Builder explicitAuthFlows(Collection<String> v) { explicitAuthFlows = Set.copyOf(v); return this; }
        public Builder readAttributes(Collection<String> v) { readAttributes = Set.copyOf(v); return this; }
        public Builder writeAttributes(Collection<String> v) { writeAttributes = Set.copyOf(v); return this; }
        public Builder supportedIdentityProviders(Collection<String> v) { supportedIdentityProviders = Set.copyOf(v); return this; }
        public Builder callbackUrls(Collection<String> v) { callbackUrls = Set.copyOf(v); return this; }
        public Builder logoutUrls(Collection<String> v) { logoutUrls = Set.copyOf(v); return this; }
        public Builder defaultRedirectUri(String v) { defaultRedirectUri = v; return this; }
        public Builder allowedOAuthFlows(Collection<String> v) { allowedOAuthFlows = Set.copyOf(v); return this; }
        public Builder allowedOAuthScopes(Collection<String> v) { allowedOAuthScopes = Set.copyOf(v); return this; }
        public Builder allowedOAuthFlowsUserPoolClient(boolean v) { allowedOAuthFlowsUserPoolClient = v; return this; }
        public Builder analytics(Analytics v) { analytics = v; return this; }
        public Builder preventUserExistenceErrors(String v) { preventUserExistenceErrors = v; return this; }
        public Builder enableTokenRevocation(boolean v) { enableTokenRevocation = v; return this; }
        public Builder enablePropagateAdditionalUserContextData(boolean v) { enablePropagateAdditionalUserContextData = v; return this; }
        public Builder refreshTokenRotation(RefreshTokenRotation v) { refreshTokenRotation = v; return this; }

        public AppClientSettings build() {
            return new AppClientSettings(clientName, generateSecret, accessTokenValiditySeconds,
                    idTokenValiditySeconds, refreshTokenValiditySeconds, authSessionValiditySeconds,
                    explicitAuthFlows, readAttributes, writeAttributes, supportedIdentityProviders,
                    callbackUrls, logoutUrls, defaultRedirectUri, allowedOAuthFlows, allowedOAuthScopes,
                    allowedOAuthFlowsUserPoolClient, analytics, preventUserExistenceErrors,
                    enableTokenRevocation, enablePropagateAdditionalUserContextData, refreshTokenRotation);
        }
    }
}
