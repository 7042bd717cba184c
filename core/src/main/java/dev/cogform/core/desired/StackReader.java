package dev.cogform.core.desired;

import dev.cogform.core.desired.NodeReader.Entry;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.diag.Location;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.spec.CognitoModel;
import dev.cogform.core.spec.LoadRules;
import dev.cogform.core.spec.Suggestions;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Reads the blocks of one {@code cogform.yaml} tree into records, reporting what is wrong. */
final class StackReader {

    static final List<String> TOP_KEYS = List.of("version", "provider", "state", "variables", "pools");
    static final List<String> PROVIDER_KEYS = List.of("region", "profile", "assume_role_arn", "endpoint", "quotas");
    static final List<String> QUOTA_KEYS = List.of("client_read_per_second", "client_update_per_second",
            "per_operation_and_pool_per_second");
    static final List<String> STATE_KEYS = List.of("backend", "path", "bucket", "key", "region", "endpoint", "kms_key_id");
    static final List<String> POOL_KEYS = List.of("id", "name", "defaults", "clients");
    static final int VERSION = 1;

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z0-9]+)+-[0-9]+");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:role/[\\w+=,.@/-]+");
    /** UserPoolNameType of the full model (not in the app-client subset): 1–128 of these characters. */
    private static final Pattern POOL_NAME = Pattern.compile("[\\w\\s+=,.@-]{1,128}");

    /**
     * The records read; null members where a block could not be read. {@code unreadable} are the clients
     * whose YAML had errors: rules do not check them, as their settings are partly Cognito's defaults.
     */
    record Stack(ProviderConfig provider, StateConfig state, List<DesiredPool> pools, Set<ClientAddress> unreadable) {

        /** The pools with only the clients read without errors, for the rules. */
        List<DesiredPool> readable() {
            return pools.stream().map(p -> new DesiredPool(p.key(), p.id(), p.name(),
                    p.clients().stream().filter(c -> !unreadable.contains(c.address())).toList(), p.at())).toList();
        }
    }

    private final Set<ClientAddress> unreadable = new java.util.HashSet<>();

    private final Consumer<Diagnostic> sink;
    private final ExpansionBudget budget;
    private final NodeReader plain;
    private NodeReader reader;

    StackReader(String file, Consumer<Diagnostic> sink, ExpansionBudget budget) {
        this.sink = sink;
        this.budget = budget;
        this.plain = new NodeReader(file, sink, null, budget);
    }

    Stack read(Node root, java.nio.file.Path stackDir, Variables variables) {
        Map<String, Entry> top = plain.map(root, "", TOP_KEYS, LoadRules.DUPLICATE_KEY);
        if (top == null) {
            return new Stack(null, null, List.of(), Set.of());
        }
        VariableValues vars = new VariableValues();
        if (top.containsKey("variables")) {
            vars.declare(plain, top.get("variables"));
        }
        vars.readFiles(stackDir, variables.files(), sink, budget);
        vars.override(variables.cli(), sink);
        Interpolation interpolation = new Interpolation(vars.values(), vars.declaredWithoutValue(),
                variables.environment());
        reader = new NodeReader(plain.file(), sink, interpolation, budget);

        version(root, top.get("version"));
        ProviderConfig provider = provider(top.get("provider"));
        StateConfig state = state(top.get("state"));
        List<DesiredPool> pools = pools(root, top.get("pools"));
        vars.finish(interpolation.referenced(), sink);
        return new Stack(provider, state, pools, unreadable);
    }

    /**
     * Reads the {@code state:} block alone, with the checks {@link #read} makes of it, and nothing else of the
     * file. Null when the file is not a map. Variables are refused: the state commands take none.
     */
    StateConfig readState(Node root) {
        if (!(root instanceof MappingNode top)) {
            plain.typeError(root, "", "a map of sections (provider:, state:, pools:)");
            return null;
        }
        Entry block = null;
        for (NodeTuple t : top.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("state")) {
                block = new Entry("state", k, NodeReader.isNull(t.getValueNode()) ? null : t.getValueNode(), "state");
            }
        }
        reader = new NodeReader(plain.file(), sink, Interpolation.refusing("state commands read state settings literally"),
                budget);
        return state(block);
    }

    private void version(Node root, Entry e) {
        if (e == null) {
            reader.report(LoadRules.REQUIRED, root, "version", "cogform.yaml has no version",
                    "add version: " + VERSION + " at the top");
            return;
        }
        Double v = reader.number(e.value(), e.path());
        if (e.value() == null) {
            reader.report(LoadRules.REQUIRED, e.keyNode(), e.path(), "version is empty", "write version: " + VERSION);
        } else if (v != null && v != VERSION) {
            reader.report(LoadRules.VERSION, e.value(), e.path(), "version " + plain.plain(e.value(), e.path())
                    + " is not supported; this cogform reads version " + VERSION, "write version: " + VERSION);
        }
    }

    private ProviderConfig provider(Entry block) {
        if (block == null) {
            return new ProviderConfig(null, null, null, null, null);
        }
        Map<String, Entry> m = reader.map(block.value(), block.path(), PROVIDER_KEYS, LoadRules.DUPLICATE_KEY);
        if (m == null) {
            return new ProviderConfig(null, null, null, null, null);
        }
        String region = string(m, "region");
        if (region != null && !REGION.matcher(region).matches()) {
            reportAt(m.get("region"), LoadRules.PROVIDER, "'" + region + "' is not an AWS region",
                    "write a region such as eu-west-1");
        }
        String endpoint = string(m, "endpoint");
        if (endpoint != null && !ProviderConfig.SANDBOX.equals(endpoint) && !httpUrl(endpoint)) {
            reportAt(m.get("endpoint"), LoadRules.PROVIDER, "endpoint '" + endpoint + "' is neither an http(s) URL"
                    + " nor `sandbox`", "write a URL such as http://127.0.0.1:5000, or sandbox for the embedded sandbox");
        }
        String role = string(m, "assume_role_arn");
        if (role != null && !ROLE_ARN.matcher(role).matches()) {
            reportAt(m.get("assume_role_arn"), LoadRules.PROVIDER, "'" + role + "' is not an IAM role ARN",
                    "write arn:aws:iam::123456789012:role/NAME");
        }
        return new ProviderConfig(region, string(m, "profile"), role, endpoint, quotas(m.get("quotas")));
    }

    private QuotaConfig quotas(Entry block) {
        if (block == null || block.value() == null) {
            return null;
        }
        Map<String, Entry> m = reader.map(block.value(), block.path(), QUOTA_KEYS, LoadRules.DUPLICATE_KEY);
        if (m == null) {
            return null;
        }
        QuotaConfig d = QuotaConfig.COGNITO_DEFAULT;
        return new QuotaConfig(rate(m, "client_read_per_second", d.clientReadPerSecond()),
                rate(m, "client_update_per_second", d.clientUpdatePerSecond()),
                rate(m, "per_operation_and_pool_per_second", d.perOperationAndPoolPerSecond()));
    }

    private double rate(Map<String, Entry> m, String key, double fallback) {
        Entry e = m.get(key);
        Double v = e == null ? null : reader.number(e.value(), e.path());
        if (v == null) {
            return fallback;
        }
        if (!(v >= QuotaConfig.MIN_RATE && v <= QuotaConfig.MAX_RATE)) {
            // Below the floor an apply stalls for minutes per request; near zero the wait overflows.
            reportAt(e, LoadRules.QUOTA, key + " is " + plain.plain(e.value(), e.path()) + "; it must be "
                    + "between " + QuotaConfig.MIN_RATE + " and " + (long) QuotaConfig.MAX_RATE + " requests per second",
                    "write a rate such as " + fallback + ", or leave the key out for Cognito's default");
            return fallback;
        }
        return v;
    }

    private StateConfig state(Entry block) {
        if (block == null || block.value() == null) {
            return StateConfig.defaultLocal();
        }
        Map<String, Entry> m = reader.map(block.value(), block.path(), STATE_KEYS, LoadRules.DUPLICATE_KEY);
        if (m == null) {
            return StateConfig.defaultLocal();
        }
        String backend = string(m, "backend");
        if (backend == null) {
            backend = StateConfig.LOCAL;
        } else if (!backend.equals(StateConfig.LOCAL) && !backend.equals(StateConfig.S3)) {
            String near = Suggestions.closest(backend, List.of(StateConfig.LOCAL, StateConfig.S3));
            reportAt(m.get("backend"), LoadRules.STATE_BACKEND, "state backend '" + backend + "' is unknown",
                    (near != null ? "did you mean `" + near + "`? " : "") + "write local or s3");
        }
        String path = string(m, "path");
        String bucket = string(m, "bucket");
        String key = string(m, "key");
        String region = string(m, "region");
        String endpoint = string(m, "endpoint");
        String kms = string(m, "kms_key_id");
        if (backend.equals(StateConfig.LOCAL)) {
            for (String s3Only : List.of("bucket", "key", "region", "endpoint", "kms_key_id")) {
                if (m.get(s3Only) != null && m.get(s3Only).value() != null) {
                    reportAt(m.get(s3Only), LoadRules.STATE_BACKEND, "state." + s3Only + " applies only to backend s3",
                            "add backend: s3, or remove " + s3Only);
                }
            }
            return new StateConfig(StateConfig.LOCAL, path != null ? path : StateConfig.DEFAULT_PATH,
                    null, null, null, null, null);
        }
        if (backend.equals(StateConfig.S3)) {
            if (m.get("path") != null && m.get("path").value() != null) {
                reportAt(m.get("path"), LoadRules.STATE_BACKEND, "state.path applies only to backend local",
                        "use key for the object key in the bucket");
            }
            for (String required : List.of("bucket", "key")) {
                if (m.get(required) == null || m.get(required).value() == null) {
                    reader.report(LoadRules.STATE_BACKEND, block.value(), block.path() + "." + required,
                            "state backend s3 needs " + required, "add " + required + ": under state:");
                }
            }
            if (endpoint != null && !httpUrl(endpoint)) {
                reportAt(m.get("endpoint"), LoadRules.STATE_BACKEND, "state.endpoint '" + endpoint
                        + "' is not an http(s) URL", "write a URL such as http://127.0.0.1:9000");
            }
        }
        return new StateConfig(backend, null, bucket, key, region, endpoint, kms);
    }

    private List<DesiredPool> pools(Node root, Entry block) {
        if (block == null) {
            reader.report(LoadRules.REQUIRED, root, "pools", "cogform.yaml has no pools", "add a pools: map");
            return List.of();
        }
        Map<String, Entry> m = reader.map(block.value(), block.path(), null, LoadRules.ADDRESS_UNIQUE);
        if (m == null) {
            return List.of();
        }
        List<DesiredPool> pools = new ArrayList<>();
        Map<String, String> targets = new HashMap<>();
        for (Entry e : m.values()) {
            if (!key(e, "pool")) {
                continue;
            }
            DesiredPool pool = pool(e);
            if (pool == null) {
                continue;
            }
            String target = pool.id() != null ? "id " + pool.id() : pool.name() != null ? "name " + pool.name() : null;
            String first = target == null ? null : targets.putIfAbsent(target, pool.key());
            if (first != null) {
                reader.report(LoadRules.SAME_POOL, e.keyNode(), e.path(), "pools " + first + " and " + pool.key()
                        + " both name the user pool by " + target, "keep the clients of one pool under one key");
            }
            pools.add(pool);
        }
        return pools;
    }

    private DesiredPool pool(Entry e) {
        Map<String, Entry> m = reader.map(e.value(), e.path(), POOL_KEYS, LoadRules.DUPLICATE_KEY);
        if (m == null) {
            return null;
        }
        String id = string(m, "id");
        String name = string(m, "name");
        if (id != null && name != null) {
            reportAt(m.get("name"), LoadRules.POOL_REFERENCE, "pool " + e.key() + " gives both id and name",
                    "keep one: id is exact, name is looked up at plan time");
        } else if (!given(m, "id") && !given(m, "name")) {
            reader.report(LoadRules.POOL_REFERENCE, e.keyNode(), e.path(), "pool " + e.key() + " gives neither id nor name",
                    "add id: REGION_ID (such as eu-west-1_AbCdEf123) or name: POOL_NAME");
        }
        if (id != null && !CognitoModel.shape("UserPoolIdType").accepts(id)) {
            reportAt(m.get("id"), LoadRules.POOL_ID, "'" + id + "' is not a user pool id",
                    "write the id as the console shows it, such as eu-west-1_AbCdEf123");
        }
        if (name != null && !POOL_NAME.matcher(name).matches()) {
            reportAt(m.get("name"), LoadRules.POOL_NAME, "'" + name + "' is not a user pool name",
                    "use 1 to 128 letters, digits, spaces or + = , . @ - _");
        }
        Map<String, Entry> defaults = new HashMap<>();
        Entry d = m.get("defaults");
        if (d != null) {
            Map<String, Entry> read = reader.map(d.value(), d.path(), ClientReader.acceptedKeys(), LoadRules.DUPLICATE_KEY);
            if (read != null) {
                defaults = read;
                // Read once on their own so that mistakes in defaults are reported even without clients.
                ClientReader.read(reader, e.key(), reader.location(d.value(), d.path()), read, Map.of());
            }
        }
        List<DesiredClient> clients = new ArrayList<>();
        Entry c = m.get("clients");
        Map<String, Entry> clientEntries = c == null ? Map.of()
                : reader.map(c.value(), c.path(), null, LoadRules.ADDRESS_UNIQUE);
        for (Entry ce : clientEntries == null ? List.<Entry>of() : clientEntries.values()) {
            if (!key(ce, "client")) {
                continue;
            }
            int before = reader.errors();
            Map<String, Entry> own = reader.map(ce.value(), ce.path(), ClientReader.acceptedKeys(), LoadRules.DUPLICATE_KEY);
            if (own == null) {
                continue;
            }
            ClientAddress address = new ClientAddress(e.key(), ce.key());
            Location at = reader.location(ce.keyNode(), ce.path());
            ClientReader.Result r = ClientReader.read(reader, ce.key(), at, own, defaults);
            if (reader.errors() > before) {
                unreadable.add(address);
            }
            clients.add(new DesiredClient(address, r.settings(), r.lifecycle(), at.at(), r.sources(), r.importId(),
                    r.secretRotation()));
        }
        // Diagnostics about the pool itself (not found, lookup failed) concern its id or name: point there.
        Entry identity = m.get(id != null ? "id" : "name");
        return new DesiredPool(e.key(), id, id == null ? name : null, clients,
                reader.position(identity != null ? identity.value() : e.keyNode()));
    }

    private boolean key(Entry e, String what) {
        if (ClientAddress.KEY.matcher(e.key()).matches()) {
            return true;
        }
        reader.report(LoadRules.KEY_FORMAT, e.keyNode(), e.path(), what + " key `" + e.key() + "` is not"
                + " lower-case letters, digits, _ and -", "rename it, such as " + e.key().toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9_-]", "-"));
        return false;
    }

    private static boolean given(Map<String, Entry> m, String key) {
        return m.get(key) != null && m.get(key).value() != null;
    }

    private String string(Map<String, Entry> m, String key) {
        Entry e = m.get(key);
        return e == null ? null : reader.string(e.value(), e.path());
    }

    private void reportAt(Entry e, dev.cogform.core.spec.Rule rule, String message, String hint) {
        reader.report(rule, e.value() != null ? e.value() : e.keyNode(), e.path(), message, hint);
    }

    private static boolean httpUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.getScheme() != null && Set.of("http", "https").contains(uri.getScheme()) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
