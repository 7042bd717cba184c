package dev.cogform.core.adopt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogform.core.desired.ProviderConfig;
import dev.cogform.core.desired.QuotaConfig;
import dev.cogform.core.desired.StateConfig;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.model.Analytics;
import dev.cogform.core.model.AppClientField;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.model.Durations;
import dev.cogform.core.model.RefreshTokenRotation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes live clients as a complete cogform.yaml ({@code cogform generate}), in canonical form: fields
 * at Cognito's default are left out, lists are sorted, durations are in their largest exact unit, and
 * {@code generate_secret} says whether the client has a secret (never the secret itself). Each client
 * gets {@code import_id}, so that the first plan imports it instead of creating a second one. Strings
 * are double-quoted, with {@code ${} written {@code $${} so that no value reads as a variable.
 */
public final class StackWriter {

    /** One pool to write: its key, its id, and its clients with the address key each should get (null: derive one). */
    public record Pool(String key, String id, List<LiveClient> clients, Map<String, String> keysById) {

        public Pool {
            clients = List.copyOf(clients);
            keysById = Map.copyOf(keysById);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringBuilder out = new StringBuilder();

    private StackWriter() {
    }

    /** The cogform.yaml text; {@code state} is left out when null or the default local file. */
    public static String write(ProviderConfig provider, StateConfig state, Pool pool) {
        return new StackWriter().stack(provider, state, pool);
    }

    /**
     * A client key for each client: the key given in {@code keysById}, else the name in lower case with
     * every other character as {@code -}, made unique within the pool by a numeric suffix.
     */
    public static Map<String, String> keys(Pool pool) {
        Map<String, String> keys = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>(pool.keysById().values());
        for (LiveClient c : sorted(pool.clients())) {
            String given = pool.keysById().get(c.clientId());
            if (given != null) {
                keys.put(c.clientId(), given);
                continue;
            }
            String base = derive(c.settings().clientName());
            String key = base;
            for (int n = 2; taken.contains(key); n++) {
                key = base + "-" + n;
            }
            taken.add(key);
            keys.put(c.clientId(), key);
        }
        return keys;
    }

    /** A pool or client key from a name: lower case, other characters as {@code -}, starting with a letter or digit. */
    public static String derive(String name) {
        String key = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
        key = key.replaceAll("^[^a-z0-9]+", "");
        return key.isEmpty() || !ClientAddress.KEY.matcher(key).matches() ? "client" : key;
    }

    private static List<LiveClient> sorted(List<LiveClient> clients) {
        return clients.stream().sorted(Comparator.comparing((LiveClient c) -> c.settings().clientName())
                .thenComparing(LiveClient::clientId)).toList();
    }

    private String stack(ProviderConfig provider, StateConfig state, Pool pool) {
        line(0, "# Written by 'cogform generate' from pool " + pool.id() + ". Secrets are never written:");
        line(0, "# 'cogform secret ADDRESS' reads one. Review, then 'cogform plan' shows the imports.");
        line(0, "version: 1");
        if (provider != null) {
            line(0, "provider:");
            scalar(1, "region", provider.region());
            scalar(1, "profile", provider.profile());
            scalar(1, "assume_role_arn", provider.assumeRoleArn());
            scalar(1, "endpoint", provider.endpoint());
            QuotaConfig q = provider.quotas();
            if (q != null) {
                line(1, "quotas:");
                line(2, "client_read_per_second: " + number(q.clientReadPerSecond()));
                line(2, "client_update_per_second: " + number(q.clientUpdatePerSecond()));
                line(2, "per_operation_and_pool_per_second: " + number(q.perOperationAndPoolPerSecond()));
            }
        }
        if (state != null && !state.equals(StateConfig.defaultLocal())) {
            line(0, "state:");
            scalar(1, "backend", state.backend());
            scalar(1, "path", state.path());
            scalar(1, "bucket", state.bucket());
            scalar(1, "key", state.key());
            scalar(1, "region", state.region());
            scalar(1, "endpoint", state.endpoint());
            scalar(1, "kms_key_id", state.kmsKeyId());
        }
        line(0, "pools:");
        line(1, pool.key() + ":");
        scalar(2, "id", pool.id());
        if (pool.clients().isEmpty()) {
            line(2, "clients: {}");
            return out.toString();
        }
        line(2, "clients:");
        Map<String, String> keys = keys(pool);
        List<LiveClient> clients = new ArrayList<>(sorted(pool.clients()));
        clients.sort(Comparator.comparing(c -> keys.get(c.clientId())));
        for (LiveClient c : clients) {
            String key = keys.get(c.clientId());
            line(3, key + ":");
            client(4, key, c);
        }
        return out.toString();
    }

    private void client(int depth, String key, LiveClient c) {
        AppClientSettings s = c.settings();
        AppClientSettings defaults = AppClientSettings.defaults(key);
        scalar(depth, "import_id", c.clientId());
        boolean tokens = false;
        for (AppClientField f : AppClientField.values()) {
            Object value = f.get(s);
            if (Objects.equals(value, f.get(defaults))) {
                continue;
            }
            String field = f.key();
            switch (f.kind()) {
                case SCALAR -> {
                    if (value instanceof Boolean b) {
                        line(depth, field + ": " + b);
                    } else {
                        scalar(depth, field, (String) value);
                    }
                }
                case DURATION -> {
                    if (field.startsWith("token_validity.")) {
                        if (!tokens) {
                            line(depth, "token_validity:");
                            tokens = true;
                        }
                        line(depth + 1, field.substring("token_validity.".length()) + ": " + Durations.format((Long) value));
                    } else {
                        line(depth, field + ": " + Durations.format((Long) value));
                    }
                }
                case SET -> list(depth, field, (Collection<?>) value);
                case STRUCT -> struct(depth, field, value);
            }
        }
    }

    private void struct(int depth, String field, Object value) {
        if (value == null) {
            line(depth, field + ": null");
            return;
        }
        line(depth, field + ":");
        if (value instanceof Analytics a) {
            scalar(depth + 1, "application_id", a.applicationId());
            scalar(depth + 1, "application_arn", a.applicationArn());
            scalar(depth + 1, "role_arn", a.roleArn());
            scalar(depth + 1, "external_id", a.externalId());
            if (a.userDataShared()) {
                line(depth + 1, "user_data_shared: true");
            }
        } else if (value instanceof RefreshTokenRotation r) {
            scalar(depth + 1, "feature", r.feature());
            if (r.retryGracePeriodSeconds() != 0) {
                line(depth + 1, "retry_grace_period: " + Durations.format(r.retryGracePeriodSeconds()));
            }
        } else {
            throw new IllegalStateException("no YAML form for " + value.getClass());
        }
    }

    private void list(int depth, String field, Collection<?> values) {
        if (values.isEmpty()) {
            line(depth, field + ": []");
            return;
        }
        line(depth, field + ":");
        values.stream().map(String::valueOf).sorted().forEach(v -> line(depth + 1, "- " + quote(v)));
    }

    private void scalar(int depth, String key, String value) {
        if (value != null) {
            line(depth, key + ": " + quote(value));
        }
    }

    private void line(int depth, String text) {
        out.append("  ".repeat(depth)).append(text).append('\n');
    }

    /** A YAML double-quoted string (JSON's escaping is valid YAML), with {@code ${} escaped for the loader. */
    static String quote(String value) {
        try {
            return JSON.writeValueAsString(value.replace("${", "$${"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
