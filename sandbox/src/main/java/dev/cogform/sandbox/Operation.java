package dev.cogform.sandbox;

import java.util.Arrays;
import java.util.Optional;

/** The Cognito operations the sandbox answers, with their quota category and how they write a pool. */
enum Operation {
    CREATE_USER_POOL("CreateUserPool", QuotaCategory.USER_POOL_UPDATE, ClientWrite.NONE),
    DESCRIBE_USER_POOL("DescribeUserPool", QuotaCategory.USER_POOL_READ, ClientWrite.NONE),
    LIST_USER_POOLS("ListUserPools", QuotaCategory.USER_POOL_READ, ClientWrite.NONE),
    DELETE_USER_POOL("DeleteUserPool", QuotaCategory.USER_POOL_UPDATE, ClientWrite.NONE),
    CREATE_USER_POOL_CLIENT("CreateUserPoolClient", QuotaCategory.USER_POOL_CLIENT_UPDATE, ClientWrite.WAIT),
    DESCRIBE_USER_POOL_CLIENT("DescribeUserPoolClient", QuotaCategory.USER_POOL_CLIENT_READ, ClientWrite.NONE),
    UPDATE_USER_POOL_CLIENT("UpdateUserPoolClient", QuotaCategory.USER_POOL_CLIENT_UPDATE, ClientWrite.EXCLUSIVE),
    LIST_USER_POOL_CLIENTS("ListUserPoolClients", QuotaCategory.USER_POOL_CLIENT_READ, ClientWrite.NONE),
    DELETE_USER_POOL_CLIENT("DeleteUserPoolClient", QuotaCategory.USER_POOL_CLIENT_UPDATE, ClientWrite.EXCLUSIVE),
    // The secret operations' quota categories are not on Cognito's quotas page; assumed like the client's.
    ADD_USER_POOL_CLIENT_SECRET("AddUserPoolClientSecret", QuotaCategory.USER_POOL_CLIENT_UPDATE, ClientWrite.EXCLUSIVE),
    LIST_USER_POOL_CLIENT_SECRETS("ListUserPoolClientSecrets", QuotaCategory.USER_POOL_CLIENT_READ, ClientWrite.NONE),
    DELETE_USER_POOL_CLIENT_SECRET("DeleteUserPoolClientSecret", QuotaCategory.USER_POOL_CLIENT_UPDATE, ClientWrite.EXCLUSIVE),
    CREATE_IDENTITY_PROVIDER("CreateIdentityProvider", QuotaCategory.USER_POOL_RESOURCE_UPDATE, ClientWrite.NONE),
    LIST_IDENTITY_PROVIDERS("ListIdentityProviders", QuotaCategory.USER_POOL_RESOURCE_READ, ClientWrite.NONE),
    CREATE_RESOURCE_SERVER("CreateResourceServer", QuotaCategory.USER_POOL_RESOURCE_UPDATE, ClientWrite.NONE),
    LIST_RESOURCE_SERVERS("ListResourceServers", QuotaCategory.USER_POOL_RESOURCE_READ, ClientWrite.NONE);

    /** The {@code X-Amz-Target} prefix of every operation. */
    static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";

    /**
     * How an operation takes part in the one-writer-per-pool rule. Update and Delete model
     * {@code ConcurrentModificationException}, so they fail on a busy pool; Create does not model it,
     * so it waits its turn.
     */
    enum ClientWrite { NONE, WAIT, EXCLUSIVE }

    private final String wireName;
    private final QuotaCategory category;
    private final ClientWrite clientWrite;

    Operation(String wireName, QuotaCategory category, ClientWrite clientWrite) {
        this.wireName = wireName;
        this.category = category;
        this.clientWrite = clientWrite;
    }

    String wireName() {
        return wireName;
    }

    QuotaCategory category() {
        return category;
    }

    ClientWrite clientWrite() {
        return clientWrite;
    }

    static Optional<Operation> byWireName(String name) {
        return Arrays.stream(values()).filter(o -> o.wireName.equals(name)).findFirst();
    }
}
