package dev.cogform.core.desired;

import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.diag.Location;
import dev.cogform.core.diag.SourcePosition;
import dev.cogform.core.model.Durations;
import dev.cogform.core.spec.LoadRules;
import dev.cogform.core.spec.Rule;
import dev.cogform.core.spec.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Typed, schema-driven reading of a composed YAML tree: every accessor takes the node and its field
 * path, reports what is wrong as a diagnostic at the node's position, and returns null for a value it
 * could not read (or an explicit null). String values are interpolated when an {@link Interpolation} is given.
 */
final class NodeReader {

    /** A map entry: its key, the key's node, the value node (null for an explicit null) and the value's path. */
    record Entry(String key, Node keyNode, Node value, String path) {
    }

    /** A list item: its (interpolated) text, its node and path such as {@code callback_urls[1]}. */
    record Item(String value, Node node, String path) {
    }

    private final String file;
    private final Consumer<Diagnostic> sink;
    private final Interpolation interpolation;
    private final ExpansionBudget budget;
    private int errors;

    NodeReader(String file, Consumer<Diagnostic> sink, Interpolation interpolation, ExpansionBudget budget) {
        this.file = file;
        this.budget = budget;
        this.sink = d -> {
            errors += d.isError() ? 1 : 0;
            sink.accept(d);
        };
        this.interpolation = interpolation;
    }

    /** How many errors this reader has reported so far. */
    int errors() {
        return errors;
    }

    String file() {
        return file;
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    SourcePosition position(Node node) {
        return SafeYaml.position(file, node == null ? null : node.getStartMark().orElse(null));
    }

    Location location(Node node, String path) {
        return new Location(path, position(node));
    }

    void report(Rule rule, Node node, String path, String message, String hint) {
        sink.accept(rule.at(location(node, path), message, hint));
    }

    static boolean isNull(Node node) {
        return node == null || node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    /**
     * The entries of a map. An explicit null gives an empty map; any other non-map reports a type error and
     * gives null. Keys outside {@code allowed} (when not null) are reported with a suggestion; a key
     * written twice is reported with {@code duplicateRule} and only its first value is kept.
     */
    Map<String, Entry> map(Node node, String path, Collection<String> allowed, Rule duplicateRule) {
        if (isNull(node)) {
            return new LinkedHashMap<>();
        }
        if (!(node instanceof MappingNode mapping)) {
            typeError(node, path, "a map of keys to values");
            return null;
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            Node keyNode = t.getKeyNode();
            if (!(keyNode instanceof ScalarNode k) || isNull(keyNode)) {
                report(LoadRules.TYPE, keyNode, path, "a key must be a plain string", "write the key as text");
                continue;
            }
            String key = k.getValue();
            String keyPath = join(path, key);
            spend(key.length(), keyNode, path);
            if (entries.containsKey(key)) {
                SourcePosition first = position(entries.get(key).keyNode());
                report(duplicateRule, keyNode, keyPath, "`" + key + "` is given twice (first at line "
                        + first.line() + ")", "remove one of them");
                continue;
            }
            if (allowed != null && !allowed.contains(key)) {
                unknownKey(keyNode, path, key, allowed);
                continue;
            }
            entries.put(key, new Entry(key, keyNode, isNull(t.getValueNode()) ? null : t.getValueNode(), keyPath));
        }
        return entries;
    }

    private void unknownKey(Node keyNode, String path, String key, Collection<String> allowed) {
        String where = path.isEmpty() ? "at the top level" : "in " + path;
        String near = Suggestions.closest(key, allowed);
        String hint = near != null ? "did you mean `" + near + "`?" : "valid keys here: " + String.join(", ", allowed);
        report(LoadRules.UNKNOWN_KEY, keyNode, join(path, key), "unknown key `" + key + "` " + where, hint);
    }

    /** A scalar's text without interpolation (strings, numbers and booleans alike), or null. */
    String plain(Node node, String path) {
        if (isNull(node)) {
            return null;
        }
        if (!(node instanceof ScalarNode s)) {
            typeError(node, path, "a plain value");
            return null;
        }
        spend(s.getValue().length(), s, path);
        return s.getValue();
    }

    /** A string (numbers are taken as their text), interpolated; null when absent or unreadable. */
    String string(Node node, String path) {
        if (isNull(node)) {
            return null;
        }
        if (!(node instanceof ScalarNode s) || s.getTag().equals(Tag.BOOL)) {
            typeError(node, path, "a string");
            return null;
        }
        return interpolate(s, path);
    }

    Boolean bool(Node node, String path) {
        if (isNull(node)) {
            return null;
        }
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            return Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT));
        }
        typeError(node, path, "true or false");
        return null;
    }

    Double number(Node node, String path) {
        if (isNull(node)) {
            return null;
        }
        if (node instanceof ScalarNode s && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
            try {
                return Double.parseDouble(s.getValue());
            } catch (NumberFormatException e) {
                // hex or octal ints of the core schema; not worth supporting, but say which numbers are
                typeError(node, path, "a decimal number");
                return null;
            }
        }
        typeError(node, path, "a number");
        return null;
    }

    /** A duration such as {@code 30m}, in seconds; null when absent or unreadable. */
    Long duration(Node node, String path) {
        if (isNull(node)) {
            return null;
        }
        if (!(node instanceof ScalarNode s) || !s.getTag().equals(Tag.STR) && !s.getTag().equals(Tag.INT)) {
            typeError(node, path, "a duration such as 30m");
            return null;
        }
        String text = s.getTag().equals(Tag.STR) ? interpolate(s, path) : s.getValue();
        if (text == null) {
            return null;
        }
        try {
            return Durations.parseSeconds(text);
        } catch (IllegalArgumentException e) {
            report(LoadRules.DURATION, node, path, "'" + text + "' is not a duration",
                    "write a whole number and a unit s, m, h or d, such as 30m or 1h");
            return null;
        }
    }

    /** The items of a list of strings; duplicates are reported (lists are sets) and dropped. */
    List<Item> strings(Node node, String path) {
        if (isNull(node)) {
            return null;
        }
        if (!(node instanceof SequenceNode seq)) {
            typeError(node, path, "a list of strings, such as [a, b]");
            return null;
        }
        List<Item> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Node> nodes = seq.getValue();
        for (int i = 0; i < nodes.size(); i++) {
            String itemPath = path + "[" + i + "]";
            Node n = nodes.get(i);
            if (isNull(n)) {
                report(LoadRules.TYPE, n, itemPath, "a list item is empty (null)", "remove it, or quote an empty string");
                continue;
            }
            String value = string(n, itemPath);
            if (value == null) {
                continue;
            }
            if (!seen.add(value)) {
                report(LoadRules.DUPLICATE_ITEM, n, itemPath, "'" + value + "' is listed twice",
                        "remove the repeated item; lists are sets");
                continue;
            }
            items.add(new Item(value, n, itemPath));
        }
        return items;
    }

    /** Counts {@code chars} read at {@code node} against the load's budget. */
    private void spend(long chars, Node node, String path) {
        budget.spend(chars, () -> location(node, path));
    }

    private String interpolate(ScalarNode s, String path) {
        spend(s.getValue().length(), s, path);
        if (interpolation == null) {
            return s.getValue();
        }
        Interpolation.Result r = interpolation.resolve(s.getValue(), chars -> spend(chars, s, path));
        for (Interpolation.Problem p : r.problems()) {
            sink.accept((p.syntax() ? LoadRules.VAR_SYNTAX : LoadRules.VAR_UNRESOLVED)
                    .at(new Location(path, offset(s, p.offset())), p.message(), p.hint()));
        }
        return r.text();
    }

    /** The position of character {@code offset} of a one-line scalar (quotes counted); else the scalar's start. */
    private SourcePosition offset(ScalarNode s, int offset) {
        SourcePosition start = position(s);
        boolean oneLine = s.getStartMark().isPresent() && s.getEndMark().isPresent()
                && s.getStartMark().get().getLine() == s.getEndMark().get().getLine();
        ScalarStyle style = s.getScalarStyle();
        if (!oneLine || style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
            return start;
        }
        int quote = style == ScalarStyle.PLAIN ? 0 : 1;
        return new SourcePosition(start.file(), start.line(), start.column() + quote + offset);
    }

    void typeError(Node node, String path, String expected) {
        report(LoadRules.TYPE, node, path, "expected " + expected + ", found " + describe(node),
                "write " + expected + " here");
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a map";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        Tag tag = node.getTag();
        String text = ((ScalarNode) node).getValue();
        if (tag.equals(Tag.BOOL)) {
            return "the boolean " + text;
        }
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            return "the number " + text;
        }
        if (tag.equals(Tag.NULL)) {
            return "null";
        }
        return "the string '" + text + "'";
    }
}
