package dev.cogform.core.desired;

import dev.cogform.core.desired.NodeReader.Entry;
import dev.cogform.core.desired.NodeReader.Item;
import dev.cogform.core.diag.Location;
import dev.cogform.core.model.Analytics;
import dev.cogform.core.model.AppClientField;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.RefreshTokenRotation;
import dev.cogform.core.spec.LoadRules;
import dev.cogform.core.spec.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one client from its YAML map with the pool's {@code defaults:} merged underneath: a key the
 * client gives (even as null, meaning Cognito's default) wins; the maps {@code token_validity},
 * {@code analytics}, {@code refresh_token_rotation} and {@code lifecycle} merge key by key.
 */
final class ClientReader {

    static final String LIFECYCLE = "lifecycle";
    static final String CLIENT_SECRET = "client_secret";
    static final String IMPORT_ID = "import_id";
    static final String SECRET_ROTATION = "secret_rotation";
    /** The keys of a client map: the top segment of every {@link AppClientField} key, then lifecycle. */
    static final List<String> CLIENT_KEYS;
    static final List<String> TOKEN_KEYS = List.of("access", "id", "refresh");
    static final List<String> ANALYTICS_KEYS = List.of("application_id", "application_arn", "role_arn",
            "external_id", "user_data_shared");
    static final List<String> ROTATION_KEYS = List.of("feature", "retry_grace_period");
    static final List<String> LIFECYCLE_KEYS = List.of("prevent_destroy", "ignore_changes");
    static final List<String> SECRET_ROTATION_KEYS = List.of("every", "overlap");
    private static final Map<String, List<String>> NESTED = Map.of("token_validity", TOKEN_KEYS,
            "analytics", ANALYTICS_KEYS, "refresh_token_rotation", ROTATION_KEYS, LIFECYCLE, LIFECYCLE_KEYS,
            SECRET_ROTATION, SECRET_ROTATION_KEYS);
    /** Client ids as Cognito's ClientIdType allows them. */
    private static final java.util.regex.Pattern CLIENT_ID = java.util.regex.Pattern.compile("[\\w+]{1,128}");

    static {
        Set<String> keys = new LinkedHashSet<>();
        for (AppClientField f : AppClientField.values()) {
            keys.add(f.key().split("\\.")[0]);
        }
        keys.add(LIFECYCLE);
        keys.add(IMPORT_ID);
        keys.add(SECRET_ROTATION);
        CLIENT_KEYS = List.copyOf(keys);
    }

    /** What a client map produced. */
    record Result(AppClientSettings settings, Lifecycle lifecycle, FieldSources sources, String importId,
                  SecretRotation secretRotation) {
    }

    private final NodeReader reader;
    /** The client's map first, then the pool defaults' map. */
    private final List<Map<String, Entry>> layers;
    private final Map<Entry, Map<String, Entry>> nested = new IdentityHashMap<>();
    private final Map<String, Location> fields = new HashMap<>();
    private final Map<String, List<FieldSources.Element>> elements = new HashMap<>();

    private ClientReader(NodeReader reader, List<Map<String, Entry>> layers) {
        this.reader = reader;
        this.layers = layers;
    }

    /** The keys a client (or a pool's defaults) map accepts, including client_secret to explain its absence. */
    static List<String> acceptedKeys() {
        List<String> keys = new ArrayList<>(CLIENT_KEYS);
        keys.add(CLIENT_SECRET);
        return keys;
    }

    /** Reads the entries of one client map (already checked for unknown keys) over {@code defaults}. */
    static Result read(NodeReader reader, String defaultName, Location client, Map<String, Entry> own,
                       Map<String, Entry> defaults) {
        return new ClientReader(reader, List.of(own, defaults)).read(defaultName, client);
    }

    private Result read(String defaultName, Location client) {
        for (Map<String, Entry> layer : layers) {
            Entry secret = layer.get(CLIENT_SECRET);
            if (secret != null) {
                reader.report(LoadRules.SECRET_NOT_IN_YAML, secret.keyNode(), secret.path(),
                        "client_secret cannot be set in cogform.yaml: a secret never lives in YAML",
                        "remove client_secret and set generate_secret: true; read the secret from Cognito");
            }
        }
        AppClientSettings.Builder b = AppClientSettings.builder(defaultName);
        for (AppClientField f : AppClientField.values()) {
            Object value = value(f);
            if (value != null) {
                f.set(b, value); // null: no layer gives the key, so the builder keeps Cognito's default
            }
        }
        Lifecycle lifecycle = lifecycle();
        String importId = importId();
        AppClientSettings settings = b.build();
        SecretRotation rotation = secretRotation(settings);
        return new Result(settings, lifecycle, new FieldSources(client, fields, elements), importId, rotation);
    }

    /** The value {@code f} is given in the layers, read by its kind and type; null when none gives it. */
    private Object value(AppClientField f) {
        String[] key = f.key().split("\\.", 2);
        String top = key[0];
        String sub = key.length > 1 ? key[1] : null;
        return switch (f.kind()) {
            case SCALAR -> f.type() == Boolean.class ? bool(top, sub) : string(top, sub);
            case DURATION -> duration(top, sub);
            case SET -> list(top);
            // A structure has a record and a reader of its own; a new one is added here by hand.
            case STRUCT -> switch (f) {
                case ANALYTICS -> analytics();
                case REFRESH_TOKEN_ROTATION -> rotation();
                default -> throw new IllegalStateException("no YAML reader for the structure " + f.key());
            };
        };
    }

    /** The entry for {@code key} (a top-level client key) from the first layer that has it. */
    private Entry find(String key) {
        for (Map<String, Entry> layer : layers) {
            Entry e = layer.get(key);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    /** The entry for {@code key.sub}, merging the nested maps of the layers; null when no layer gives it. */
    private Entry find(String key, String sub) {
        if (sub == null) {
            return find(key);
        }
        for (Map<String, Entry> layer : layers) {
            Entry e = layer.get(key);
            if (e == null) {
                continue;
            }
            if (e.value() == null) {
                return null; // an explicit null masks the defaults: Cognito's default
            }
            Map<String, Entry> inner = nested(e);
            if (inner == null) {
                return null;
            }
            Entry s = inner.get(sub);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    private Map<String, Entry> nested(Entry e) {
        if (!nested.containsKey(e)) {
            nested.put(e, reader.map(e.value(), e.path(), NESTED.get(e.key()), LoadRules.DUPLICATE_KEY));
        }
        return nested.get(e);
    }

    /** Whether any layer gives the map {@code key} a (non-null) value; records its location. */
    private boolean block(String key) {
        Entry e = find(key);
        if (e == null || e.value() == null || nested(e) == null) {
            return false;
        }
        fields.put(key, reader.location(e.value(), e.path()));
        return true;
    }

    private String field(String key, String sub) {
        return sub == null ? key : key + "." + sub;
    }

    private void located(String field, Entry e) {
        if (e != null && e.value() != null) {
            fields.put(field, reader.location(e.value(), e.path()));
        }
    }

    private String string(String key, String sub) {
        Entry e = find(key, sub);
        located(field(key, sub), e);
        return e == null ? null : reader.string(e.value(), e.path());
    }

    private Boolean bool(String key, String sub) {
        Entry e = find(key, sub);
        located(field(key, sub), e);
        return e == null ? null : reader.bool(e.value(), e.path());
    }

    private Long duration(String key, String sub) {
        Entry e = find(key, sub);
        located(field(key, sub), e);
        return e == null ? null : reader.duration(e.value(), e.path());
    }

    private List<String> list(String key) {
        Entry e = find(key);
        located(key, e);
        if (e == null) {
            return null;
        }
        List<Item> items = reader.strings(e.value(), e.path());
        if (items == null) {
            return null;
        }
        elements.put(key, items.stream()
                .map(i -> new FieldSources.Element(i.value(), reader.location(i.node(), i.path()))).toList());
        return items.stream().map(Item::value).toList();
    }

    private Analytics analytics() {
        if (!block("analytics")) {
            return null;
        }
        Boolean shared = bool("analytics", "user_data_shared");
        return new Analytics(string("analytics", "application_id"), string("analytics", "application_arn"),
                string("analytics", "role_arn"), string("analytics", "external_id"), shared != null && shared);
    }

    private RefreshTokenRotation rotation() {
        if (!block("refresh_token_rotation")) {
            return null;
        }
        String feature = string("refresh_token_rotation", "feature");
        Entry graceEntry = find("refresh_token_rotation", "retry_grace_period");
        Long grace = duration("refresh_token_rotation", "retry_grace_period");
        if (feature == null) {
            Entry block = find("refresh_token_rotation");
            if (find("refresh_token_rotation", "feature") == null) {
                reader.report(LoadRules.ROTATION_FEATURE_REQUIRED, block.value(), block.path(),
                        "refresh_token_rotation has no feature", "add feature: ENABLED or feature: DISABLED");
            }
            return null;
        }
        if (RefreshTokenRotation.DISABLED.equals(feature) && grace != null && grace != 0) {
            reader.report(LoadRules.ROTATION_GRACE_IGNORED, graceEntry.value(), graceEntry.path(),
                    "retry_grace_period has no effect while rotation is DISABLED",
                    "remove retry_grace_period, or set feature: ENABLED");
        }
        long seconds = grace == null ? 0 : grace;
        return new RefreshTokenRotation(feature, (int) Math.min(seconds, Integer.MAX_VALUE));
    }

    private Lifecycle lifecycle() {
        Boolean preventDestroy = bool(LIFECYCLE, "prevent_destroy");
        Entry e = find(LIFECYCLE, "ignore_changes");
        Set<AppClientField> ignored = EnumSet.noneOf(AppClientField.class);
        if (e != null) {
            List<Item> items = reader.strings(e.value(), e.path());
            for (Item item : items == null ? List.<Item>of() : items) {
                Set<AppClientField> named = ignorable(item.value());
                if (named.isEmpty()) {
                    List<String> keys = new ArrayList<>(Arrays.stream(AppClientField.values()).map(AppClientField::key).toList());
                    keys.add("token_validity");
                    String near = Suggestions.closest(item.value(), keys);
                    reader.report(LoadRules.IGNORE_CHANGES, item.node(), item.path(),
                            "`" + item.value() + "` is not a client field",
                            near != null ? "did you mean `" + near + "`?" : "one of: " + String.join(", ", keys));
                }
                ignored.addAll(named);
            }
        }
        if (preventDestroy == null && ignored.isEmpty()) {
            return Lifecycle.DEFAULT;
        }
        return new Lifecycle(preventDestroy != null && preventDestroy, ignored);
    }

    /** {@code import_id}: the client's own map only, since one Cognito client cannot stand for every client of a pool. */
    private String importId() {
        for (int i = 1; i < layers.size(); i++) {
            Entry inDefaults = layers.get(i).get(IMPORT_ID);
            if (inDefaults != null) {
                reader.report(LoadRules.IMPORT_ID, inDefaults.keyNode(), inDefaults.path(),
                        "import_id cannot be a pool default: it names one existing client",
                        "move import_id into the client it adopts");
            }
        }
        Entry e = layers.get(0).get(IMPORT_ID);
        if (e == null) {
            return null;
        }
        located(IMPORT_ID, e);
        String id = reader.string(e.value(), e.path());
        if (id != null && !CLIENT_ID.matcher(id).matches()) {
            reader.report(LoadRules.IMPORT_ID, e.value(), e.path(), "'" + id + "' is not an app client id",
                    "copy the client id from the console or 'aws cognito-idp list-user-pool-clients'");
            return null;
        }
        return id;
    }

    /** {@code secret_rotation}: both durations required; only for a client with a secret. */
    private SecretRotation secretRotation(AppClientSettings settings) {
        if (!block(SECRET_ROTATION)) {
            return null;
        }
        Entry block = find(SECRET_ROTATION);
        Long every = duration(SECRET_ROTATION, "every");
        Long overlap = duration(SECRET_ROTATION, "overlap");
        if (find(SECRET_ROTATION, "every") == null || find(SECRET_ROTATION, "overlap") == null) {
            reader.report(LoadRules.SECRET_ROTATION, block.value(), block.path(),
                    "secret_rotation needs both every and overlap", "write secret_rotation: { every: 90d, overlap: 7d }");
            return null;
        }
        if (every == null || overlap == null) {
            return null; // the duration was reported
        }
        if (every <= 0) {
            Entry e = find(SECRET_ROTATION, "every");
            reader.report(LoadRules.SECRET_ROTATION, e.value(), e.path(), "secret_rotation.every must be longer than 0",
                    "write how often to add a new secret, such as 90d");
            return null;
        }
        if (overlap >= every) {
            Entry e = find(SECRET_ROTATION, "overlap");
            reader.report(LoadRules.SECRET_ROTATION, e.value(), e.path(),
                    "secret_rotation.overlap must be shorter than every: the old secret has to be deleted before the next"
                            + " rotation, since Cognito keeps at most two secrets per client",
                    "shorten overlap (such as 7d) or lengthen every");
            return null;
        }
        if (!settings.generateSecret()) {
            reader.report(LoadRules.SECRET_ROTATION, block.keyNode(), block.path(),
                    "secret_rotation needs a client secret, but this client has generate_secret: false",
                    "set generate_secret: true (a replacement for an existing client), or remove secret_rotation");
            return null;
        }
        return new SecretRotation(every, overlap);
    }

    /** The fields an ignore_changes key names: one field, or all three token validities for token_validity. */
    static Set<AppClientField> ignorable(String key) {
        if (key.equals("token_validity")) {
            return EnumSet.of(AppClientField.ACCESS_TOKEN_VALIDITY, AppClientField.ID_TOKEN_VALIDITY,
                    AppClientField.REFRESH_TOKEN_VALIDITY);
        }
        return AppClientField.byKey(key).map(EnumSet::of).orElseGet(() -> EnumSet.noneOf(AppClientField.class));
    }

    /** Nested key lists by block, for the schema test and the docs. */
    static Map<String, List<String>> nestedKeys() {
        return new LinkedHashMap<>(NESTED);
    }
}
