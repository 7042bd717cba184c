package dev.cogform.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Routes an operation to the code that answers it. */
final class Dispatcher {

    private final PoolApi pools;
    private final ClientApi clients;

    Dispatcher(PoolApi pools, ClientApi clients) {
        this.pools = pools;
        this.clients = clients;
    }

    JsonNode handle(Operation operation, ObjectNode body) {
        return switch (operation) {
            case CREATE_USER_POOL -> pools.createUserPool(body);
            case DESCRIBE_USER_POOL -> pools.describeUserPool(body);
            case LIST_USER_POOLS -> pools.listUserPools(body);
            case DELETE_USER_POOL -> pools.deleteUserPool(body);
            case CREATE_USER_POOL_CLIENT -> clients.create(body);
            case DESCRIBE_USER_POOL_CLIENT -> clients.describe(body);
            case UPDATE_USER_POOL_CLIENT -> clients.update(body);
            case LIST_USER_POOL_CLIENTS -> clients.list(body);
            case DELETE_USER_POOL_CLIENT -> clients.delete(body);
            case ADD_USER_POOL_CLIENT_SECRET -> clients.addSecret(body);
            case LIST_USER_POOL_CLIENT_SECRETS -> clients.listSecrets(body);
            case DELETE_USER_POOL_CLIENT_SECRET -> clients.deleteSecret(body);
            case CREATE_IDENTITY_PROVIDER -> pools.createIdentityProvider(body);
            case LIST_IDENTITY_PROVIDERS -> pools.listIdentityProviders(body);
            case CREATE_RESOURCE_SERVER -> pools.createResourceServer(body);
            case LIST_RESOURCE_SERVERS -> pools.listResourceServers(body);
        };
    }
}
