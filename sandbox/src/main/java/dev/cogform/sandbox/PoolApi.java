package dev.cogform.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * User pools and the pool resources app clients refer to (identity providers, resource servers):
 * just enough of each for clients to be created, validated and listed as in Cognito.
 */
final class PoolApi {

    static final int MAX_IDENTITY_PROVIDERS = 300;
    static final int MAX_RESOURCE_SERVERS = 25;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern NEXT_TOKEN = Pattern.compile("[\\S]+");
    private static final Pattern IDP_NAME = Pattern.compile("[^_\\p{Z}][\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}][^_\\p{Z}]+");
    private static final Pattern IDP_IDENTIFIER = Pattern.compile("[\\w\\s+=.@-]+");
    private static final Pattern SCOPE_NAME = Pattern.compile("[\\x21\\x23-\\x2E\\x30-\\x5B\\x5D-\\x7E]+");
    private static final List<String> PROVIDER_TYPES =
            List.of("SAML", "Facebook", "Google", "LoginWithAmazon", "SignInWithApple", "OIDC");
    /** Social providers must be named after their type. */
    private static final Set<String> SOCIAL = Set.of("Facebook", "Google", "LoginWithAmazon", "SignInWithApple");

    private final SandboxStore store;
    private final String region;

    private final Clock clock;

    PoolApi(SandboxStore store, String region, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.region = region;
    }

    JsonNode createUserPool(ObjectNode body) {
        RequestCheck in = new RequestCheck(body);
        String name = in.string("PoolName", true, 1, 128, ClientRequest.NAME);
        ArrayNode schema = PoolSchema.fromRequest(in.structures("Schema", 50));
        in.done();
        ObjectNode attributes = body.deepCopy();
        attributes.remove("PoolName");
        attributes.remove("Schema");
        attributes.set("SchemaAttributes", schema);
        PoolEntry pool = store.write(pools -> add(pools, name, attributes));
        ObjectNode out = JSON.objectNode();
        out.set("UserPool", describe(pool));
        return out;
    }

    /** The id of the first pool named {@code name}, created when there is none, with {@code custom} attributes. */
    String ensurePool(String name, Collection<String> custom) {
        return store.write(pools -> {
            Optional<PoolEntry> existing = pools.values().stream().filter(p -> p.name().equals(name)).findFirst();
            if (existing.isPresent()) {
                return existing.get(); // its schema stays as it is, as a pool in Cognito's would
            }
            PoolEntry pool = add(pools, name, JSON.objectNode());
            PoolSchema.addCustom(pool, custom);
            return pool;
        }).id();
    }

    JsonNode describeUserPool(ObjectNode body) {
        String poolId = poolId(body);
        return store.read(pools -> {
            ObjectNode out = JSON.objectNode();
            out.set("UserPool", describe(SandboxStore.pool(pools, poolId)));
            return out;
        });
    }

    JsonNode listUserPools(ObjectNode body) {
        RequestCheck in = new RequestCheck(body);
        Integer max = in.integer("MaxResults", true, 1, 60);
        String token = in.string("NextToken", false, 1, 131_072, NEXT_TOKEN);
        in.done();
        return store.read(pools -> {
            List<PoolEntry> all = new ArrayList<>(pools.values());
            Paging.Page<Integer> page = Paging.page(indexes(all.size()), i -> i, max, token, "pools");
            ObjectNode out = JSON.objectNode();
            ArrayNode items = out.putArray("UserPools");
            for (int i : page.items()) {
                PoolEntry p = all.get(i);
                ObjectNode item = items.addObject().put("Id", p.id()).put("Name", p.name());
                item.set("LambdaConfig", p.attributes().has("LambdaConfig")
                        ? p.attributes().get("LambdaConfig").deepCopy() : JSON.objectNode());
                item.put("LastModifiedDate", p.modified()).put("CreationDate", p.created());
            }
            putToken(out, page.nextToken());
            return out;
        });
    }

    JsonNode deleteUserPool(ObjectNode body) {
        String poolId = poolId(body);
        return store.write(pools -> {
            PoolEntry pool = SandboxStore.pool(pools, poolId);
            if ("ACTIVE".equals(pool.attributes().path("DeletionProtection").asText())) {
                throw CognitoError.invalidParameter("The user pool cannot be deleted because deletion protection is "
                        + "activated. Deletion protection must be inactivated first.");
            }
            pools.remove(poolId);
            return JSON.objectNode();
        });
    }

    JsonNode createIdentityProvider(ObjectNode body) {
        RequestCheck in = new RequestCheck(body);
        String poolId = in.string("UserPoolId", true, 1, 55, ClientRequest.USER_POOL_ID);
        String name = in.string("ProviderName", true, 1, 32, IDP_NAME);
        String type = in.enumValue("ProviderType", true, PROVIDER_TYPES);
        ObjectNode details = in.stringMap("ProviderDetails", true);
        ObjectNode mapping = in.stringMap("AttributeMapping", false);
        List<String> identifiers = in.strings("IdpIdentifiers", 50, 1, 40, IDP_IDENTIFIER);
        in.done();
        if (SOCIAL.contains(type) && !type.equals(name)) {
            throw CognitoError.invalidParameter("ProviderName must be " + type + " for provider type " + type + ".");
        }
        return store.write(pools -> {
            PoolEntry pool = SandboxStore.pool(pools, poolId);
            if (pool.identityProviders().containsKey(name) || name.equals(ClientRules.COGNITO_PROVIDER)) {
                throw new CognitoError("DuplicateProviderException",
                        "A provider with the name " + name + " already exists in this user pool.", 400);
            }
            if (pool.identityProviders().size() >= MAX_IDENTITY_PROVIDERS) {
                throw CognitoError.limitExceeded("The maximum number of identity providers for user pool "
                        + poolId + " has been reached.");
            }
            double now = clock.epochSeconds();
            ObjectNode idp = JSON.objectNode().put("UserPoolId", poolId).put("ProviderName", name)
                    .put("ProviderType", type);
            idp.set("ProviderDetails", details.deepCopy());
            idp.set("AttributeMapping", mapping == null ? JSON.objectNode() : mapping.deepCopy());
            ArrayNode ids = idp.putArray("IdpIdentifiers");
            if (identifiers != null) {
                identifiers.forEach(ids::add);
            }
            idp.put("LastModifiedDate", now).put("CreationDate", now);
            pool.identityProviders().put(name, idp);
            ObjectNode out = JSON.objectNode();
            out.set("IdentityProvider", idp.deepCopy());
            return out;
        });
    }

    JsonNode listIdentityProviders(ObjectNode body) {
        RequestCheck in = new RequestCheck(body);
        String poolId = in.string("UserPoolId", true, 1, 55, ClientRequest.USER_POOL_ID);
        Integer max = in.integer("MaxResults", 1, 60);
        String token = in.string("NextToken", false, 1, 131_072, NEXT_TOKEN);
        in.done();
        return store.read(pools -> {
            List<ObjectNode> all = new ArrayList<>(SandboxStore.pool(pools, poolId).identityProviders().values());
            Paging.Page<Integer> page = Paging.page(indexes(all.size()), i -> i, max == null ? 60 : max, token,
                    "idps\n" + poolId);
            ObjectNode out = JSON.objectNode();
            ArrayNode items = out.putArray("Providers");
            for (int i : page.items()) {
                ObjectNode idp = all.get(i);
                ObjectNode item = items.addObject();
                for (String member : List.of("ProviderName", "ProviderType", "LastModifiedDate", "CreationDate")) {
                    item.set(member, idp.get(member).deepCopy());
                }
            }
            putToken(out, page.nextToken());
            return out;
        });
    }

    JsonNode createResourceServer(ObjectNode body) {
        RequestCheck in = new RequestCheck(body);
        String poolId = in.string("UserPoolId", true, 1, 55, ClientRequest.USER_POOL_ID);
        String identifier = in.string("Identifier", true, 1, 256, ClientRequest.SCOPE);
        String name = in.string("Name", true, 1, 256, ClientRequest.NAME);
        List<RequestCheck> scopesIn = in.structures("Scopes", 100);
        ArrayNode scopes = JSON.arrayNode();
        if (scopesIn != null) {
            for (RequestCheck s : scopesIn) {
                String scopeName = s.string("ScopeName", true, 1, 256, SCOPE_NAME);
                String description = s.string("ScopeDescription", true, 1, 256, null);
                scopes.addObject().put("ScopeName", scopeName).put("ScopeDescription", description);
            }
        }
        in.done();
        return store.write(pools -> {
            PoolEntry pool = SandboxStore.pool(pools, poolId);
            if (pool.resourceServers().containsKey(identifier)) {
                throw CognitoError.invalidParameter("A resource server with identifier " + identifier
                        + " already exists in user pool " + poolId + ".");
            }
            if (pool.resourceServers().size() >= MAX_RESOURCE_SERVERS) {
                throw CognitoError.limitExceeded("The maximum number of resource servers for user pool "
                        + poolId + " has been reached.");
            }
            ObjectNode server = JSON.objectNode().put("UserPoolId", poolId).put("Identifier", identifier)
                    .put("Name", name);
            server.set("Scopes", scopes);
            pool.resourceServers().put(identifier, server);
            ObjectNode out = JSON.objectNode();
            out.set("ResourceServer", server.deepCopy());
            return out;
        });
    }

    JsonNode listResourceServers(ObjectNode body) {
        RequestCheck in = new RequestCheck(body);
        String poolId = in.string("UserPoolId", true, 1, 55, ClientRequest.USER_POOL_ID);
        Integer max = in.integer("MaxResults", true, 1, 50);
        String token = in.string("NextToken", false, 1, 131_072, NEXT_TOKEN);
        in.done();
        return store.read(pools -> {
            List<ObjectNode> all = new ArrayList<>(SandboxStore.pool(pools, poolId).resourceServers().values());
            Paging.Page<Integer> page = Paging.page(indexes(all.size()), i -> i, max, token, "servers\n" + poolId);
            ObjectNode out = JSON.objectNode();
            ArrayNode items = out.putArray("ResourceServers");
            page.items().forEach(i -> items.add(all.get(i).deepCopy()));
            putToken(out, page.nextToken());
            return out;
        });
    }

    private PoolEntry add(Map<String, PoolEntry> pools, String name, ObjectNode attributes) {
        String id;
        do {
            id = Ids.poolId(region);
        } while (pools.containsKey(id));
        double now = clock.epochSeconds();
        String arn = "arn:aws:cognito-idp:" + region + ":000000000000:userpool/" + id;
        PoolEntry pool = new PoolEntry(id, name, arn, now, now, attributes, null, null, null);
        pools.put(id, pool);
        return pool;
    }

    private static ObjectNode describe(PoolEntry p) {
        ObjectNode out = JSON.objectNode().put("Id", p.id()).put("Name", p.name()).put("Arn", p.arn());
        out.putObject("LambdaConfig");
        out.put("MfaConfiguration", "OFF").put("EstimatedNumberOfUsers", 0);
        out.setAll(p.attributes().deepCopy());
        out.set("SchemaAttributes", PoolSchema.of(p).deepCopy());
        out.put("LastModifiedDate", p.modified()).put("CreationDate", p.created());
        return out;
    }

    private static String poolId(ObjectNode body) {
        RequestCheck in = new RequestCheck(body);
        String poolId = in.string("UserPoolId", true, 1, 55, ClientRequest.USER_POOL_ID);
        in.done();
        return poolId;
    }

    private static List<Integer> indexes(int n) {
        List<Integer> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        return list;
    }

    private static void putToken(ObjectNode out, String token) {
        if (token != null) {
            out.put("NextToken", token);
        }
    }
}
