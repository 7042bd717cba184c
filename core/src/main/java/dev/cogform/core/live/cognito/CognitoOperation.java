package dev.cogform.core.live.cognito;

/** The Cognito operations the gateway calls, with their quota category. */
enum CognitoOperation {
    LIST_USER_POOLS("ListUserPools", QuotaCategory.USER_POOL_READ, false),
    DESCRIBE_USER_POOL("DescribeUserPool", QuotaCategory.USER_POOL_READ, false),
    LIST_USER_POOL_CLIENTS("ListUserPoolClients", QuotaCategory.USER_POOL_CLIENT_READ, false),
    DESCRIBE_USER_POOL_CLIENT("DescribeUserPoolClient", QuotaCategory.USER_POOL_CLIENT_READ, false),
    CREATE_USER_POOL_CLIENT("CreateUserPoolClient", QuotaCategory.USER_POOL_CLIENT_UPDATE, true),
    UPDATE_USER_POOL_CLIENT("UpdateUserPoolClient", QuotaCategory.USER_POOL_CLIENT_UPDATE, true),
    DELETE_USER_POOL_CLIENT("DeleteUserPoolClient", QuotaCategory.USER_POOL_CLIENT_UPDATE, true),
    // Not on Cognito's quotas page (checked against the API reference, 2026): assumed in the client categories.
    LIST_USER_POOL_CLIENT_SECRETS("ListUserPoolClientSecrets", QuotaCategory.USER_POOL_CLIENT_READ, false),
    ADD_USER_POOL_CLIENT_SECRET("AddUserPoolClientSecret", QuotaCategory.USER_POOL_CLIENT_UPDATE, true),
    DELETE_USER_POOL_CLIENT_SECRET("DeleteUserPoolClientSecret", QuotaCategory.USER_POOL_CLIENT_UPDATE, true),
    LIST_IDENTITY_PROVIDERS("ListIdentityProviders", QuotaCategory.USER_POOL_RESOURCE_READ, false),
    LIST_RESOURCE_SERVERS("ListResourceServers", QuotaCategory.USER_POOL_RESOURCE_READ, false);

    private final String apiName;
    private final QuotaCategory category;
    private final boolean write;

    CognitoOperation(String apiName, QuotaCategory category, boolean write) {
        this.apiName = apiName;
        this.category = category;
        this.write = write;
    }

    /** The name in Cognito's API reference, used in messages. */
    String apiName() {
        return apiName;
    }

    QuotaCategory category() {
        return category;
    }

    /** Writes to one pool are serialized: Cognito answers overlapping ones with ConcurrentModificationException. */
    boolean write() {
        return write;
    }

    /**
     * Whether Cognito also limits this operation per user pool (5 RPS by default): true for the
     * UserPoolClient* and UserPoolResource* categories, per the quotas page's footnote.
     */
    boolean limitedPerPool() {
        return category != QuotaCategory.USER_POOL_READ;
    }
}
