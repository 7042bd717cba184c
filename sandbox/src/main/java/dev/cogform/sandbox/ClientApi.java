package dev.cogform.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The app-client operations, client secrets included, with Cognito's answers and errors. A client
 * has at most {@link #MAX_SECRETS} secrets (AddUserPoolClientSecret: "up to 2 active secrets per app
 * client"); the last one cannot be deleted (DeleteUserPoolClientSecret: "You cannot delete the last
 * remaining secret"); ListUserPoolClientSecrets never returns values. Which error code each refusal
 * carries is not documented: the ones used here are assumptions, listed in docs/configuration.md.
 */
final class ClientApi {

    /** Client secrets per app client, per the AddUserPoolClientSecret reference. */
    static final int MAX_SECRETS = 2;

    /** Cognito's default quota of app clients per user pool. */
    static final int MAX_CLIENTS_PER_POOL = 1_000;
    static final int MAX_PAGE = 60;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern NEXT_TOKEN = Pattern.compile("[\\S]+");
    /** The role Cognito uses for Pinpoint analytics given by application ARN, after the account's {@code role/}. */
    static final String SERVICE_LINKED_ROLE =
            "aws-service-role/cognito-idp.amazonaws.com/AWSServiceRoleForAmazonCognitoIdp";

    private final SandboxStore store;
    private final Clock clock;

    ClientApi(SandboxStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    JsonNode create(ObjectNode body) {
        ClientRequest req = ClientRequest.read(body, true);
        if (req.generateSecret() && req.clientSecret() != null) {
            throw CognitoError.invalidParameter(ClientRules.SECRET_TWICE);
        }
        return store.write(pools -> {
            PoolEntry pool = SandboxStore.pool(pools, req.userPoolId());
            boolean hasSecret = req.generateSecret() || req.clientSecret() != null;
            ClientRules.check(req.settings(), pool, hasSecret, true);
            if (pool.clients().size() >= MAX_CLIENTS_PER_POOL) {
                throw CognitoError.limitExceeded("The maximum number of app clients (" + MAX_CLIENTS_PER_POOL
                        + ") for user pool " + pool.id() + " has been reached.");
            }
            String clientId = Ids.clientId();
            String secret = req.generateSecret() ? Ids.clientSecret() : req.clientSecret();
            double now = clock.epochSeconds();
            ObjectNode settings = withName(req.clientName(), completed(req.settings(), pool));
            List<ClientEntry.SecretEntry> secrets = secret == null ? List.of()
                    : List.of(new ClientEntry.SecretEntry(Ids.secretId(clientId, 0), secret, now));
            ClientEntry entry = new ClientEntry(clientId, store.nextSeq(), secret, now, now, settings, secrets);
            pool.clients().put(clientId, entry);
            return wrap(pool, entry);
        });
    }

    JsonNode update(ObjectNode body) {
        ClientRequest req = ClientRequest.read(body, false);
        return store.write(pools -> {
            PoolEntry pool = SandboxStore.pool(pools, req.userPoolId());
            ClientEntry old = client(pool, req.clientId());
            ClientRules.check(req.settings(), pool, old.secret() != null, false);
            String name = req.clientName() != null ? req.clientName() : old.settings().path("ClientName").asText();
            ClientEntry entry = new ClientEntry(old.clientId(), old.seq(), old.secret(), old.created(),
                    clock.epochSeconds(), withName(name, completed(req.settings(), pool)), old.secrets());
            pool.clients().put(entry.clientId(), entry);
            return wrap(pool, entry);
        });
    }

    JsonNode describe(ObjectNode body) {
        String[] ids = poolAndClient(body);
        return store.read(pools -> {
            PoolEntry pool = SandboxStore.pool(pools, ids[0]);
            return wrap(pool, client(pool, ids[1]));
        });
    }

    JsonNode delete(ObjectNode body) {
        String[] ids = poolAndClient(body);
        return store.write(pools -> {
            PoolEntry pool = SandboxStore.pool(pools, ids[0]);
            client(pool, ids[1]);
            pool.clients().remove(ids[1]);
            return JSON.objectNode();
        });
    }

    JsonNode list(ObjectNode body) {
        RequestCheck in = new RequestCheck(body);
        String poolId = in.string("UserPoolId", true, 1, 55, ClientRequest.USER_POOL_ID);
        Integer max = in.integer("MaxResults", 1, MAX_PAGE);
        String token = in.string("NextToken", false, 1, 131_072, NEXT_TOKEN);
        in.done();
        return store.read(pools -> {
            PoolEntry pool = SandboxStore.pool(pools, poolId);
            Paging.Page<ClientEntry> page = Paging.page(new ArrayList<>(pool.clients().values()), ClientEntry::seq,
                    max == null ? MAX_PAGE : max, token, "clients\n" + poolId);
            ObjectNode out = JSON.objectNode();
            ArrayNode items = out.putArray("UserPoolClients");
            for (ClientEntry c : page.items()) {
                items.addObject().put("ClientId", c.clientId()).put("UserPoolId", pool.id())
                        .put("ClientName", c.settings().path("ClientName").asText());
            }
            if (page.nextToken() != null) {
                out.put("NextToken", page.nextToken());
            }
            return out;
        });
    }

    JsonNode addSecret(ObjectNode body) {
        RequestCheck in = new RequestCheck(body);
        String poolId = in.string("UserPoolId", true, 1, 55, ClientRequest.USER_POOL_ID);
        String clientId = in.string("ClientId", true, 1, 128, ClientRequest.CLIENT_ID);
        String custom = in.string("ClientSecret", false, 24, 64, ClientRequest.SECRET);
        in.done();
        return store.write(pools -> {
            PoolEntry pool = SandboxStore.pool(pools, poolId);
            ClientEntry old = client(pool, clientId);
            if (old.secrets().isEmpty()) {
                throw CognitoError.invalidParameter("User pool client " + clientId
                        + " does not have a client secret; secrets can only be added to a confidential app client.");
            }
            if (old.secrets().size() >= MAX_SECRETS) {
                throw CognitoError.limitExceeded("User pool client " + clientId + " already has the maximum of "
                        + MAX_SECRETS + " client secrets; delete one first.");
            }
            double now = clock.epochSeconds();
            ClientEntry.SecretEntry added = new ClientEntry.SecretEntry(Ids.secretId(clientId, store.nextSeq()),
                    custom != null ? custom : Ids.clientSecret(), now);
            List<ClientEntry.SecretEntry> secrets = new ArrayList<>(old.secrets());
            secrets.add(added);
            pool.clients().put(clientId, old.withSecrets(secrets));
            ObjectNode out = JSON.objectNode();
            ObjectNode d = out.putObject("ClientSecretDescriptor");
            d.put("ClientSecretId", added.id());
            if (custom == null) {
                // "The ClientSecretValue is only returned when Amazon Cognito generates the secret."
                d.put("ClientSecretValue", added.value());
            }
            d.put("ClientSecretCreateDate", added.created());
            return out;
        });
    }

    JsonNode listSecrets(ObjectNode body) {
        RequestCheck in = new RequestCheck(body);
        String poolId = in.string("UserPoolId", true, 1, 55, ClientRequest.USER_POOL_ID);
        String clientId = in.string("ClientId", true, 1, 128, ClientRequest.CLIENT_ID);
        in.string("NextToken", false, 1, 131_072, NEXT_TOKEN); // accepted, never needed: two secrets at most
        in.done();
        return store.read(pools -> {
            ClientEntry c = client(SandboxStore.pool(pools, poolId), clientId);
            ObjectNode out = JSON.objectNode();
            ArrayNode items = out.putArray("ClientSecrets");
            for (ClientEntry.SecretEntry s : c.secrets()) {
                items.addObject().put("ClientSecretId", s.id()).put("ClientSecretCreateDate", s.created());
            }
            return out;
        });
    }

    JsonNode deleteSecret(ObjectNode body) {
        RequestCheck in = new RequestCheck(body);
        String poolId = in.string("UserPoolId", true, 1, 55, ClientRequest.USER_POOL_ID);
        String clientId = in.string("ClientId", true, 1, 128, ClientRequest.CLIENT_ID);
        String secretId = in.string("ClientSecretId", true, 1, 128, null);
        in.done();
        return store.write(pools -> {
            PoolEntry pool = SandboxStore.pool(pools, poolId);
            ClientEntry old = client(pool, clientId);
            List<ClientEntry.SecretEntry> secrets = new ArrayList<>(old.secrets());
            if (!secrets.removeIf(s -> s.id().equals(secretId))) {
                throw CognitoError.notFound("Client secret " + secretId + " does not exist for user pool client "
                        + clientId + ".");
            }
            if (secrets.isEmpty()) {
                throw CognitoError.invalidParameter("Client secret " + secretId + " is the last remaining secret of"
                        + " user pool client " + clientId + " and cannot be deleted.");
            }
            pool.clients().put(clientId, old.withSecrets(secrets));
            return JSON.objectNode();
        });
    }

    /** The client, or ResourceNotFoundException as Cognito words it. */
    private static ClientEntry client(PoolEntry pool, String clientId) {
        ClientEntry c = pool.clients().get(clientId);
        if (c == null) {
            throw CognitoError.notFound("User pool client " + clientId + " does not exist.");
        }
        return c;
    }

    private static String[] poolAndClient(ObjectNode body) {
        RequestCheck in = new RequestCheck(body);
        String poolId = in.string("UserPoolId", true, 1, 55, ClientRequest.USER_POOL_ID);
        String clientId = in.string("ClientId", true, 1, 128, ClientRequest.CLIENT_ID);
        in.done();
        return new String[] {poolId, clientId};
    }

    /**
     * What Cognito adds to a client it stores: the pool's required attributes join a non-empty
     * WriteAttributes (they are always writable; an empty list already means every standard attribute),
     * and an analytics ApplicationArn gets Cognito's service-linked role as its RoleArn.
     */
    private static ObjectNode completed(ObjectNode settings, PoolEntry pool) {
        ObjectNode s = settings.deepCopy();
        JsonNode write = s.get("WriteAttributes");
        if (write != null && !write.isEmpty()) {
            Set<String> all = new TreeSet<>(PoolSchema.requiredWritable(pool));
            write.forEach(a -> all.add(a.asText()));
            ArrayNode sorted = s.putArray("WriteAttributes");
            all.forEach(sorted::add);
        }
        if (s.get("AnalyticsConfiguration") instanceof ObjectNode a && a.has("ApplicationArn") && !a.has("RoleArn")) {
            String account = pool.arn().split(":")[4];
            a.put("RoleArn", "arn:aws:iam::" + account + ":role/" + SERVICE_LINKED_ROLE);
        }
        return s;
    }

    private static ObjectNode withName(String name, ObjectNode settings) {
        ObjectNode s = JSON.objectNode();
        s.put("ClientName", name);
        s.setAll(settings);
        return s;
    }

    /** {@code {"UserPoolClient": …}} in Cognito's member order. */
    private static ObjectNode wrap(PoolEntry pool, ClientEntry c) {
        ObjectNode out = JSON.objectNode();
        ObjectNode client = out.putObject("UserPoolClient");
        client.put("UserPoolId", pool.id());
        client.put("ClientName", c.settings().path("ClientName").asText());
        client.put("ClientId", c.clientId());
        if (c.secret() != null) {
            client.put("ClientSecret", c.secret());
        }
        client.put("LastModifiedDate", c.modified());
        client.put("CreationDate", c.created());
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) c.settings()::fields) {
            if (!e.getKey().equals("ClientName")) {
                client.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return out;
    }
}
