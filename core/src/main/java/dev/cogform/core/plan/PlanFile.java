package dev.cogform.core.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.model.SettingsJson;
import java.util.List;

/**
 * The saved-plan format ({@code plan --out FILE}, read by {@code apply FILE} and {@code show FILE}) and
 * the plan digest. A saved plan is a versioned JSON document ({@code docs/json-output.md}); its digest
 * is the sha256 of the compact document without its {@code digest} member, so a file edited after it
 * was written is refused. {@code format_version} is read first: every 1.x document is read by the 1.x
 * reader (minor versions only add members); a new major gets its own reader here, and older majors
 * stay readable.
 *
 * <p>This is storage, not presentation: {@code --json} output is rendered by the CLI's views, which
 * print the same document so that {@code plan --json} output is a saved plan.
 */
public final class PlanFile {

    /** The version this cogform writes. */
    public static final String FORMAT_VERSION = PlanFileV1.VERSION;

    private static final ObjectMapper MAPPER = SettingsJson.mapper();

    private PlanFile() {
    }

    /** The saved plan's content: the pretty-printed document, with a trailing newline. */
    public static String write(Plan plan) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document(plan)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The format version {@code plan} is written in: 1.1 unless it uses a member 1.2 added (imports, secrets). */
    public static String formatVersion(Plan plan) {
        return PlanFileV1.version(plan);
    }

    /** The saved plan's document as a tree, for views that print or embed it (the JSON output is this document). */
    public static ObjectNode document(Plan plan) {
        return PlanFileV1.toTree(plan, false);
    }

    /** Diagnostics in the form the plan document carries them, shared by the apply document. */
    public static ArrayNode diagnostics(List<Diagnostic> diagnostics) {
        return PlanFileV1.diagnostics(diagnostics);
    }

    /** {@code sha256:} and the hex digest of the plan's compact document without its digest. */
    public static String digest(Plan plan) {
        ObjectNode tree = PlanFileV1.toTree(plan, true);
        tree.remove("digest");
        return digestOf(tree);
    }

    /**
     * Reads a saved plan; fails with a message saying what is wrong when it is not one, has a major
     * version this cogform cannot read, or its content does not match its digest (the file was edited).
     */
    public static Plan read(String content) {
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a cogform plan: invalid JSON (" + jsonError(e) + ")", e);
        }
        if (root == null || !root.isObject() || !root.has("format_version") || !root.has("resource_changes")) {
            throw new IllegalArgumentException("not a cogform plan: no format_version or resource_changes");
        }
        String version = root.get("format_version").asText();
        if (!PlanFileV1.reads(version)) {
            throw new IllegalArgumentException("plan format " + version + " is not supported by this cogform ("
                    + FORMAT_VERSION + "); plan again with this version");
        }
        ObjectNode copy = ((ObjectNode) root).deepCopy();
        String stated = copy.path("digest").asText(null);
        copy.remove("digest");
        if (stated == null || !stated.equals(digestOf(copy))) {
            throw new IllegalArgumentException("the plan's content does not match its digest: the file was changed"
                    + " after it was written; plan again");
        }
        try {
            return PlanFileV1.fromTree(root);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a valid cogform plan: " + e.getMessage(), e);
        }
    }

    private static String digestOf(JsonNode tree) {
        return "sha256:" + SettingsJson.sha256Json(tree);
    }

    /** Jackson's message without its source dump ({@code start marker at [Source: REDACTED …]}), with the position. */
    private static String jsonError(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        int cut = message.indexOf(" (start marker at");
        message = (cut >= 0 ? message.substring(0, cut) : message).lines().findFirst().orElse("").strip();
        var at = e.getLocation();
        return at == null || at.getLineNr() < 0 ? message
                : message + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
