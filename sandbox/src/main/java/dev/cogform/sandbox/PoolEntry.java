package dev.cogform.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;

/**
 * One stored user pool. The identity fields never change; the maps (in creation order) are changed
 * in place under {@link SandboxStore}'s lock. {@code attributes} are the CreateUserPool members echoed
 * back by DescribeUserPool.
 */
record PoolEntry(String id, String name, String arn, double created, double modified, ObjectNode attributes,
                 LinkedHashMap<String, ClientEntry> clients,
                 LinkedHashMap<String, ObjectNode> identityProviders,
                 LinkedHashMap<String, ObjectNode> resourceServers) {

    PoolEntry {
        clients = clients == null ? new LinkedHashMap<>() : clients;
        identityProviders = identityProviders == null ? new LinkedHashMap<>() : identityProviders;
        resourceServers = resourceServers == null ? new LinkedHashMap<>() : resourceServers;
    }
}
