package dev.cogform.state.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogform.core.Version;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.model.SecretDescriptor;
import dev.cogform.core.model.SettingsJson;
import dev.cogform.core.state.ClientRecord;
import dev.cogform.core.state.PendingCreate;
import dev.cogform.core.state.StateSnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The state document, format {@value #FORMAT} version {@value #VERSION}:
 * <pre>
 * { "format": "cogform-state", "version": 3, "serial": 3, "lineage": "…", "tool_version": "…",
 *   "clients": { "POOL.CLIENT": { "pool_id", "client_id", "client_name", "settings", "live_fingerprint",
 *                                 "prevent_destroy", "applied_at",
 *                                 "secrets": [ { "id", "created" } ] } },
 *   "pending": [ { "address", "pool_id", "client_name", "at", "timeout_seconds", "margin_seconds" } ],
 *   "checksum": "sha256:…" }
 * </pre>
 * {@code checksum} is the sha256 of the canonical JSON (keys sorted, no whitespace) of everything else,
 * verified on every read. Reading sniffs {@code version} first: a newer one is refused, an older one is
 * upgraded step by step through the {@link FormatUpgrade}s. The client secret has no field here:
 * {@code secrets} holds the ids and creation dates of a rotating client's secrets, never values.
 *
 * <p>The version changes whenever the document's shape does, including the keys of {@code settings}
 * ({@link #SETTINGS_KEYS}; a test fails when {@code AppClientSettings} gains a field without a new
 * version): a newer document is then refused as newer by older builds instead of looking damaged, and
 * the upgrade step fills the new field with Cognito's default in older documents. History:
 * <ul>
 *   <li>1: the first format; settings objects could lack fields added later, which then read as false/0.
 *   <li>2: every settings object has every key of {@link #SETTINGS_KEYS}; upgrading from 1 fills missing
 *       ones with Cognito's defaults.
 * </ul>
 */
public final class StateCodec {

    public static final String FORMAT = "cogform-state";
    public static final int VERSION = 3;
    private static final String CHECKSUM_PREFIX = "sha256:";

    /** The keys of a settings object in format {@value #VERSION}; a settings field added to cogform needs a new version. */
    public static final List<String> SETTINGS_KEYS = List.of("access_token_validity_seconds", "allowed_oauth_flows",
            "allowed_oauth_flows_user_pool_client", "allowed_oauth_scopes", "analytics",
            "auth_session_validity_seconds", "callback_urls", "client_name", "default_redirect_uri",
            "enable_propagate_additional_user_context_data", "enable_token_revocation", "explicit_auth_flows",
            "generate_secret", "id_token_validity_seconds", "logout_urls", "prevent_user_existence_errors",
            "read_attributes", "refresh_token_rotation", "refresh_token_validity_seconds",
            "supported_identity_providers", "write_attributes");

    /** Upgrades of older format versions, one per step. */
    static final List<FormatUpgrade> UPGRADES = List.of(new SettingsDefaultsUpgrade(1, SETTINGS_KEYS),
            new SecretIdsUpgrade());

    private final String toolVersion;
    private final int version;
    private final Map<Integer, FormatUpgrade> upgrades = new TreeMap<>();
    private final int oldestReadable;

    /**
     * A codec that stamps {@code toolVersion} on what it writes and reads older versions through
     * {@code upgrades} (at most one per source version).
     */
    public StateCodec(String toolVersion, List<FormatUpgrade> upgrades) {
        this(toolVersion, VERSION, upgrades);
    }

    /**
     * A codec that reads format versions up to {@code version}; tests use an older one to check what
     * an older build says about a newer document.
     */
    StateCodec(String toolVersion, int version, List<FormatUpgrade> upgrades) {
        this.toolVersion = toolVersion;
        this.version = version;
        for (FormatUpgrade u : upgrades) {
            if (this.upgrades.put(u.from(), u) != null) {
                throw new IllegalArgumentException("two upgrades from version " + u.from());
            }
        }
        int oldest = version;
        while (this.upgrades.containsKey(oldest - 1)) {
            oldest--;
        }
        this.oldestReadable = oldest;
    }

    /** The codec of this cogform build. */
    public static StateCodec standard() {
        return new StateCodec(Version.current(), UPGRADES);
    }

    /** The document for {@code snapshot}, pretty-printed with its checksum. */
    public EncodedState encode(StateSnapshot snapshot) {
        ObjectNode doc = JsonForms.READER.createObjectNode();
        doc.put("format", FORMAT);
        doc.put("version", version);
        doc.put("serial", snapshot.serial());
        doc.put("lineage", snapshot.lineage());
        doc.put("tool_version", toolVersion);
        ObjectNode clients = doc.putObject("clients");
        snapshot.clients().forEach((address, record) -> {
            ObjectNode c = clients.putObject(address.toString());
            c.put("pool_id", record.poolId());
            c.put("client_id", record.clientId());
            c.put("client_name", record.clientName());
            if (record.applied() != null) {
                c.set("settings", SettingsJson.toTree(record.applied()));
            }
            if (record.liveFingerprint() != null) {
                c.put("live_fingerprint", record.liveFingerprint());
            }
            c.put("prevent_destroy", record.preventDestroy());
            if (record.appliedAt() != null) {
                c.put("applied_at", record.appliedAt().toString());
            }
            if (!record.secrets().isEmpty()) {
                ArrayNode secrets = c.putArray("secrets");
                record.secrets().forEach(d -> secrets.addObject().put("id", d.id()).put("created", d.created().toString()));
            }
        });
        ArrayNode pending = doc.putArray("pending");
        for (PendingCreate p : snapshot.pending()) {
            ObjectNode n = pending.addObject();
            n.put("address", p.address().toString());
            n.put("pool_id", p.poolId());
            n.put("client_name", p.clientName());
            n.put("at", p.at().toString());
            n.put("timeout_seconds", p.timeout().toSeconds());
            n.put("margin_seconds", p.margin().toSeconds());
        }
        String checksum = checksumOf(doc);
        doc.put("checksum", checksum);
        return new EncodedState(JsonForms.pretty(doc), checksum);
    }

    /**
     * Reads and verifies a document. Fails with {@link NewerStateException} for a newer format version
     * and with {@link CorruptStateException} (the reason only; callers add where the bytes came from)
     * for anything else it cannot read.
     */
    public DecodedState decode(byte[] bytes) {
        ObjectNode doc = parse(bytes);
        JsonNode format = doc.get("format");
        if (format == null || !FORMAT.equals(format.asText(null))) {
            throw new CorruptStateException("it is not a cogform state document (its \"format\" is "
                    + (format == null ? "missing" : format.toString()) + ", expected \"" + FORMAT + "\")");
        }
        JsonNode versionNode = doc.get("version");
        if (versionNode == null || !versionNode.canConvertToInt() || !versionNode.isIntegralNumber()) {
            throw new CorruptStateException("its \"version\" is " + (versionNode == null ? "missing" : versionNode)
                    + "; expected a whole number");
        }
        int version = versionNode.intValue();
        String writtenBy = text(doc, "tool_version", false);
        if (version > this.version) {
            throw new NewerStateException("it was written by a newer cogform"
                    + (writtenBy != null ? " (" + writtenBy + ")" : "") + " in state format version " + version
                    + ", and this cogform (" + Version.current() + ") reads format versions up to " + this.version
                    + ". It is not damaged and was left untouched: upgrade cogform to use it.");
        }
        if (version < oldestReadable) {
            throw new CorruptStateException("its state format version " + version
                    + " is not one cogform ever wrote (the oldest this cogform reads is " + oldestReadable + ")");
        }
        JsonNode stated = doc.remove("checksum");
        if (stated == null || !stated.isTextual()) {
            throw new CorruptStateException("it has no \"checksum\"");
        }
        String actual = checksumOf(doc);
        if (!actual.equals(stated.asText())) {
            throw new CorruptStateException("its checksum does not match its content (the file says "
                    + stated.asText() + ", the content hashes to " + actual
                    + "), so it was changed outside cogform or damaged");
        }
        for (int v = version; v < this.version; v++) {
            doc = upgrades.get(v).upgrade(doc);
            doc.put("version", v + 1);
        }
        try {
            return new DecodedState(bind(doc), version, writtenBy, actual);
        } catch (CorruptStateException e) {
            // A newer build that changed the shape without a new version still is not damage.
            if (writtenBy != null && newer(writtenBy, Version.current())) {
                throw new NewerStateException("it was written by a newer cogform (" + writtenBy + ") than this one ("
                        + Version.current() + "), which cannot read it (" + e.getMessage()
                        + "). It was left untouched: upgrade cogform to use it.");
            }
            throw e;
        }
    }

    /** The checksum of a document: sha256 of the canonical JSON of all its members but {@code checksum}. */
    public static String checksumOf(ObjectNode document) {
        MessageDigest digest = sha256Digest();
        JsonForms.canonical(document, "checksum", new DigestOutputStream(OutputStream.nullOutputStream(), digest));
        return CHECKSUM_PREFIX + HexFormat.of().formatHex(digest.digest());
    }

    /** Whether version {@code a} is later than {@code b}, comparing their leading numbers (1.10.0 > 1.9.2). */
    static boolean newer(String a, String b) {
        String[] x = a.split("[^0-9]+", -1);
        String[] y = b.split("[^0-9]+", -1);
        for (int i = 0; i < Math.min(3, Math.max(x.length, y.length)); i++) {
            long p = i < x.length && !x[i].isEmpty() ? parseOrZero(x[i]) : 0;
            long q = i < y.length && !y[i].isEmpty() ? parseOrZero(y[i]) : 0;
            if (p != q) {
                return p > q;
            }
        }
        return false;
    }

    private static long parseOrZero(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static ObjectNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw new CorruptStateException("it is empty");
        }
        JsonNode node;
        try {
            node = JsonForms.TREE.readValue(bytes);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            // Jackson's message may cite "[Source: REDACTED ...]", which tells the user nothing.
            String problem = e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source: [^]]*][^)]*\\)", "");
            throw new CorruptStateException("it is not valid JSON (truncated or damaged?): " + problem + where, e);
        } catch (IOException e) {
            throw new CorruptStateException("it could not be parsed: " + e.getMessage(), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new CorruptStateException("it is empty");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new CorruptStateException("it is not a JSON object");
        }
        return object;
    }

    private static final Set<String> DOCUMENT_KEYS = Set.of("format", "version", "serial", "lineage", "tool_version",
            "clients", "pending");
    private static final Set<String> CLIENT_KEYS = Set.of("pool_id", "client_id", "client_name", "settings",
            "live_fingerprint", "prevent_destroy", "applied_at", "secrets");
    private static final Set<String> PENDING_KEYS = Set.of("address", "pool_id", "client_name", "at",
            "timeout_seconds", "margin_seconds");
    private static final Set<String> SECRET_KEYS = Set.of("id", "created");

    /**
     * Refuses a member this build does not know: dropping it at the next write would lose what a later
     * cogform recorded (decode then says which cogform wrote it).
     */
    private static void onlyKnown(JsonNode node, Set<String> keys, String where) {
        node.fieldNames().forEachRemaining(k -> {
            if (!keys.contains(k)) {
                throw new CorruptStateException((where.isEmpty() ? "it" : where) + " has a field this cogform does not"
                        + " know: \"" + k + "\"");
            }
        });
    }

    private static StateSnapshot bind(ObjectNode doc) {
        onlyKnown(doc, DOCUMENT_KEYS, "");
        String lineage = text(doc, "lineage", true);
        JsonNode serialNode = doc.get("serial");
        if (serialNode == null || !serialNode.isIntegralNumber() || serialNode.longValue() < 0) {
            throw new CorruptStateException("its \"serial\" is " + (serialNode == null ? "missing" : serialNode)
                    + "; expected a whole number");
        }
        Map<ClientAddress, ClientRecord> clients = new LinkedHashMap<>();
        JsonNode clientsNode = doc.path("clients");
        if (!clientsNode.isObject()) {
            throw new CorruptStateException("its \"clients\" is missing or not an object");
        }
        for (Map.Entry<String, JsonNode> e : clientsNode.properties()) {
            ClientAddress address = address(e.getKey(), "clients");
            JsonNode c = e.getValue();
            String where = "clients." + e.getKey();
            onlyKnown(c, CLIENT_KEYS, where);
            AppClientSettings settings = null;
            if (c.hasNonNull("settings")) {
                try {
                    settings = SettingsJson.fromTree(c.get("settings"));
                } catch (IllegalArgumentException ex) {
                    throw new CorruptStateException(where + ".settings " + ex.getMessage(), ex);
                }
            }
            clients.put(address, new ClientRecord(address,
                    text(c, "pool_id", true, where),
                    text(c, "client_id", true, where),
                    text(c, "client_name", true, where),
                    settings,
                    text(c, "live_fingerprint", false, where),
                    c.path("prevent_destroy").asBoolean(false),
                    instant(c, "applied_at", false, where),
                    secrets(c, where)));
        }
        List<PendingCreate> pending = new ArrayList<>();
        JsonNode pendingNode = doc.path("pending");
        if (!pendingNode.isMissingNode() && !pendingNode.isArray()) {
            throw new CorruptStateException("its \"pending\" is not a list");
        }
        int i = 0;
        for (JsonNode p : pendingNode) {
            String where = "pending[" + i++ + "]";
            onlyKnown(p, PENDING_KEYS, where);
            pending.add(new PendingCreate(address(text(p, "address", true, where), where),
                    text(p, "pool_id", true, where), text(p, "client_name", true, where),
                    instant(p, "at", true, where), seconds(p, "timeout_seconds", where),
                    seconds(p, "margin_seconds", where)));
        }
        return new StateSnapshot(lineage, serialNode.longValue(), clients, pending);
    }

    private static List<SecretDescriptor> secrets(JsonNode client, String where) {
        JsonNode node = client.get("secrets");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new CorruptStateException("\"" + where + ".secrets\" is not a list");
        }
        List<SecretDescriptor> out = new ArrayList<>();
        int i = 0;
        for (JsonNode d : node) {
            String at = where + ".secrets[" + i++ + "]";
            onlyKnown(d, SECRET_KEYS, at);
            out.add(new SecretDescriptor(text(d, "id", true, at), instant(d, "created", true, at)));
        }
        return out;
    }

    private static ClientAddress address(String text, String where) {
        try {
            return ClientAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CorruptStateException(where + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field, boolean required) {
        return text(node, field, required, null);
    }

    private static String text(JsonNode node, String field, boolean required, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new CorruptStateException("\"" + (where == null ? "" : where + ".") + field + "\" is missing");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new CorruptStateException("\"" + (where == null ? "" : where + ".") + field + "\" is not a string");
        }
        return v.asText();
    }

    private static Instant instant(JsonNode node, String field, boolean required, String where) {
        String text = text(node, field, required, where);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CorruptStateException("\"" + where + "." + field + "\" is not a UTC time like 2025-01-31T12:00:00Z", e);
        }
    }

    /** An optional whole number of seconds; null when absent (an intent written before it was recorded). */
    private static Duration seconds(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw new CorruptStateException("\"" + where + "." + field + "\" is not a number of seconds");
        }
        return Duration.ofSeconds(v.longValue());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
