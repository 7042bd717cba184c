package dev.cogform.core.live.cognito;

import dev.cogform.core.model.AppClientField;
import java.util.Optional;

/**
 * A known way a Cognito peer differs from real Cognito (see {@code test-peers.md}). Each contract
 * implementation declares its peer's gaps once; the shared tests then assert the gap's behaviour
 * instead of Cognito's, so a gap that a peer no longer has makes its test fail and gets removed.
 */
public enum PeerGap {
    /** UpdateUserPoolClient keeps members the request leaves out instead of resetting them. */
    MERGES_ON_UPDATE,
    /** ListUserPoolClients ignores MaxResults and NextToken and returns everything at once. */
    NO_PAGINATION,
    /** AuthSessionValidity is accepted but not stored; Describe never returns it. */
    DROPS_AUTH_SESSION_VALIDITY(AppClientField.AUTH_SESSION_VALIDITY),
    /** EnablePropagateAdditionalUserContextData is accepted but not stored. */
    DROPS_PROPAGATE_ADDITIONAL_USER_CONTEXT_DATA(AppClientField.ENABLE_PROPAGATE_ADDITIONAL_USER_CONTEXT_DATA),
    /** RefreshTokenRotation is accepted but not stored. */
    DROPS_REFRESH_TOKEN_ROTATION(AppClientField.REFRESH_TOKEN_ROTATION),
    /** App-client values are not validated: out-of-range, unknown or inconsistent values are stored. */
    NO_VALIDATION,
    /** Clients have no CreationDate or LastModifiedDate. */
    NO_CLIENT_DATES,
    /** A client created without TokenValidityUnits gets {hours, minutes, days} (id token in minutes). */
    FORCES_TOKEN_VALIDITY_UNITS,
    /** ListIdentityProviders and CreateIdentityProvider are not implemented (HTTP 500). */
    NO_IDENTITY_PROVIDER_API,
    /** ListResourceServers and CreateResourceServer are not implemented (HTTP 500). */
    NO_RESOURCE_SERVER_API,
    /** Unknown pools are not noticed: listing their clients answers [], Describe a generic not-found. */
    NO_POOL_EXISTENCE_CHECK,
    /** An analytics ApplicationArn gets no RoleArn; Cognito fills in its service-linked role. */
    NO_SERVICE_LINKED_ANALYTICS_ROLE,
    /** A pool's required attributes are not added to a client's non-empty WriteAttributes, as Cognito adds them. */
    NO_REQUIRED_WRITE_ATTRIBUTES,
    /**
     * AddUserPoolClientSecret, ListUserPoolClientSecrets and DeleteUserPoolClientSecret are not
     * implemented: every call fails, so secret rotation cannot run against the peer.
     */
    NO_CLIENT_SECRET_API;

    private final AppClientField dropped;

    PeerGap() {
        this(null);
    }

    PeerGap(AppClientField dropped) {
        this.dropped = dropped;
    }

    /** The settings field this gap loses, if it is a dropped-field gap. */
    public Optional<AppClientField> droppedField() {
        return Optional.ofNullable(dropped);
    }
}
