package dev.cogform.core.desired;

import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.diag.Location;
import dev.cogform.core.diag.SourcePosition;
import dev.cogform.core.spec.LoadRules;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Composes YAML text into a node tree, safely: no object construction at all (so no custom types), at
 * most {@value #MAX_ALIASES} aliases of lists or maps and {@value #MAX_CODE_POINTS} code points, so an
 * alias bomb fails at once instead of expanding; a file nested too deeply for the composer's recursion
 * is a limits diagnostic too. Nodes keep their marks (line and column).
 */
final class SafeYaml {

    static final int MAX_ALIASES = 50;
    static final int MAX_CODE_POINTS = 3 * 1024 * 1024;
    static final int MAX_DEPTH = 100;
    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.SEQ, Tag.MAP);

    private SafeYaml() {
    }

    /** The document's root node, or null (with a diagnostic) when the text is not one plain YAML document. */
    static Node compose(String text, String file, Consumer<Diagnostic> sink) {
        return compose(text, file, sink, false);
    }

    /**
     * Like {@link #compose(String, String, Consumer)}, but with {@code emptyIsMap} a text without a document
     * (empty, or only comments) is an empty map rather than a diagnostic: for readers of one optional block.
     */
    static Node compose(String text, String file, Consumer<Diagnostic> sink, boolean emptyIsMap) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setSchema(new CoreSchema())
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(MAX_CODE_POINTS)
                .setUseMarks(true)
                .build();
        if (text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            // Checked up front: the scanner only notices the limit after reading that far, slowly.
            sink.accept(LoadRules.YAML_LIMITS.at(new Location("", new SourcePosition(file, 1, 1)),
                    file + " is longer than " + MAX_CODE_POINTS + " characters", "split the stack into smaller ones"));
            return null;
        }
        Node root;
        try {
            Iterator<Node> documents = new Compose(settings).composeAllFromString(text).iterator();
            if (!documents.hasNext() && emptyIsMap) {
                return new MappingNode(Tag.MAP, List.of(), FlowStyle.AUTO);
            }
            if (!documents.hasNext()) {
                sink.accept(LoadRules.REQUIRED.at(new Location("", new SourcePosition(file, 1, 1)),
                        file + " is empty", "start with version: 1 and a pools: map"));
                return null;
            }
            root = documents.next();
            if (documents.hasNext()) {
                Node second = documents.next();
                sink.accept(LoadRules.YAML_SYNTAX.at(new Location("", position(file, second.getStartMark().orElse(null))),
                        file + " holds more than one YAML document", "remove the --- separator and what follows"));
                return null;
            }
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            boolean limits = e.getMessage() != null && e.getMessage().contains("aliases");
            sink.accept((limits ? LoadRules.YAML_LIMITS : LoadRules.YAML_SYNTAX).at(
                    new Location("", position(file, mark)), problem(e), limits ? aliasHint() : "fix the YAML syntax here"));
            return null;
        } catch (StackOverflowError e) {
            // The composer recurses per level of nesting; only a pathological file gets here. Finding the
            // place walks the parser's events, which is iterative (not done up front: it doubles the cost).
            reportDepth(settings, text, file, sink);
            return null;
        } catch (YamlEngineException e) {
            boolean limits = e.getMessage() != null && (e.getMessage().contains("aliases")
                    || e.getMessage().contains("limit"));
            sink.accept((limits ? LoadRules.YAML_LIMITS : LoadRules.YAML_SYNTAX).at(
                    new Location("", new SourcePosition(file, 1, 1)), oneLine(e.getMessage()),
                    limits ? aliasHint() : "fix the YAML syntax"));
            return null;
        }
        checkTags(root, file, sink);
        return root;
    }

    /** Reports the first list or map nested deeper than {@link #MAX_DEPTH}, walking the parser's events. */
    private static void reportDepth(LoadSettings settings, String text, String file, Consumer<Diagnostic> sink) {
        int depth = 0;
        Mark at = null;
        for (Event event : new Parse(settings).parseString(text)) {
            Event.ID id = event.getEventId();
            if (id == Event.ID.SequenceStart || id == Event.ID.MappingStart) {
                if (++depth > MAX_DEPTH) {
                    at = event.getStartMark().orElse(null);
                    break;
                }
            } else if (id == Event.ID.SequenceEnd || id == Event.ID.MappingEnd) {
                depth--;
            }
        }
        sink.accept(LoadRules.YAML_LIMITS.at(new Location("", position(file, at)),
                "lists and maps are nested more than " + MAX_DEPTH + " levels deep",
                "cogform.yaml needs only a few levels; remove the extra brackets or indentation"));
    }

    static SourcePosition position(String file, Mark mark) {
        return mark == null ? new SourcePosition(file, 1, 1)
                : new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** Reports every node with a tag other than the plain YAML types, visiting each node once. */
    private static void checkTags(Node root, String file, Consumer<Diagnostic> sink) {
        Map<Node, Boolean> seen = new IdentityHashMap<>();
        java.util.ArrayDeque<Map.Entry<Node, String>> todo = new java.util.ArrayDeque<>();
        todo.push(Map.entry(root, ""));
        while (!todo.isEmpty()) {
            Node n = todo.peek().getKey();
            String path = todo.pop().getValue();
            if (seen.put(n, Boolean.TRUE) != null) {
                continue;
            }
            if (!PLAIN_TAGS.contains(n.getTag())) {
                sink.accept(LoadRules.YAML_TAG.at(new Location(path, position(file, n.getStartMark().orElse(null))),
                        "tag " + n.getTag() + " is not allowed", "remove the tag; write a plain value"));
            }
            if (n instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
                    todo.push(Map.entry(t.getKeyNode(), path));
                    todo.push(Map.entry(t.getValueNode(), NodeReader.join(path, key)));
                }
            } else if (n instanceof SequenceNode s) {
                for (int i = 0; i < s.getValue().size(); i++) {
                    todo.push(Map.entry(s.getValue().get(i), path + "[" + i + "]"));
                }
            }
        }
    }

    private static String problem(MarkedYamlEngineException e) {
        String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
        String context = e.getContext();
        return oneLine(context != null && !context.isBlank() ? context + ": " + problem : problem);
    }

    private static String oneLine(String s) {
        return s == null ? "invalid YAML" : s.replaceAll("\\s+", " ").trim();
    }

    private static String aliasHint() {
        return "cogform.yaml allows at most " + MAX_ALIASES + " aliases of lists or maps; use pool defaults: instead";
    }
}
