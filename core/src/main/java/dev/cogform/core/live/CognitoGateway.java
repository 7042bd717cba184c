package dev.cogform.core.live;

import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.SecretDescriptor;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Access to a Cognito account and region. Reads have no side effects. Every failure is a
 * {@link GatewayException} with a {@link GatewayError} kind, never an SDK exception.
 * Implementations keep to Cognito's request-rate quotas and retry throttling and concurrent
 * modification themselves; callers may call from several threads.
 */
public interface CognitoGateway {

    /** Every user pool of the account and region (ListUserPools, all pages). */
    List<PoolSummary> listPools();

    /** The id of the one pool named {@code name}; empty when none; an error when several share it. */
    default Optional<String> findPoolIdByName(String name) {
        return PoolSummary.idNamed(listPools(), name);
    }

    /** Every client of the pool (all pages); NOT_FOUND when the pool does not exist. */
    List<ClientSummary> listClients(String poolId);

    /** The client, or empty when it does not exist (the pool does). */
    Optional<LiveClient> describe(String poolId, String clientId);

    /**
     * The longest a write may stay unanswered before this gateway gives up on it (every attempt
     * included): a create sent at T that failed without an answer is not known to have failed before
     * T plus this plus a margin.
     */
    default java.time.Duration writeTimeout() {
        return java.time.Duration.ofSeconds(120);
    }

    /** Creates a client with exactly these settings ({@code generateSecret} included). */
    LiveClient create(String poolId, AppClientSettings settings);

    /**
     * Replaces every updatable field of the client with {@code settings}: Cognito resets whatever an
     * update leaves out, so all fields travel. {@code generateSecret} is create-only and ignored.
     */
    LiveClient update(String poolId, String clientId, AppClientSettings settings);

    /** Deletes the client; deleting one that is already gone succeeds. */
    void delete(String poolId, String clientId);

    /** Names of the pool's identity providers, {@code COGNITO} included. */
    Set<String> identityProviders(String poolId);

    /** The pool's custom scopes, as {@code resource-server-identifier/scope}. */
    Set<String> resourceServerScopes(String poolId);

    /** The pool's attribute schema (DescribeUserPool); NOT_FOUND when the pool does not exist. */
    PoolSchema poolSchema(String poolId);

    /** The client's secret, for the one command that prints it on request; empty for public clients. */
    Optional<String> readSecret(String poolId, String clientId);

    /**
     * The client's secrets (ListUserPoolClientSecrets: ids and dates, never values), oldest first;
     * NOT_FOUND when the client does not exist. Cognito keeps at most two.
     */
    default List<SecretDescriptor> listSecrets(String poolId, String clientId) {
        throw unsupported("ListUserPoolClientSecrets");
    }

    /**
     * Adds a secret Cognito generates (AddUserPoolClientSecret) and describes it. The value is not
     * returned: it is read, when asked for, with {@link #readSecret}. Not retried once sent, since a
     * second attempt could add a second secret; LIMIT_EXCEEDED when the client has two already.
     */
    default SecretDescriptor addSecret(String poolId, String clientId) {
        throw unsupported("AddUserPoolClientSecret");
    }

    /** Deletes one secret (DeleteUserPoolClientSecret); Cognito refuses to delete the last one. */
    default void deleteSecret(String poolId, String clientId, String secretId) {
        throw unsupported("DeleteUserPoolClientSecret");
    }

    private static GatewayException unsupported(String operation) {
        return new GatewayException(GatewayError.OTHER, operation + " is not supported by this Cognito endpoint");
    }
}
