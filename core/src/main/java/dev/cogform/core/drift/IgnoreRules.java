package dev.cogform.core.drift;

import dev.cogform.core.spec.DriftRules;
import dev.cogform.core.model.DriftSeverity;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.diag.SourcePosition;
import dev.cogform.core.model.AppClientField;
import dev.cogform.core.model.ClientAddress;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The ignore file of {@code drift --ignore FILE}: rules that turn findings into {@code IGNORED}, each
 * with a reason, an owner and an expiry date, and severity overrides. A rule past its date is an
 * error and ignores nothing; a rule that matched nothing is a warning (call {@link #diagnostics()}
 * after detection). Matching is thread-safe, as stacks are checked in parallel.
 *
 * <pre>
 * version: 1
 * rules:
 *   - address: "main.*"            # glob over POOL.CLIENT: * within a segment, ** across
 *     stack: "stacks/prod/**"      # optional glob over the stack directory
 *     fields: [analytics]          # YAML keys; omitted: the whole client (deleted included)
 *     reason: managed by the analytics team
 *     owner: analytics@example.com
 *     expires: 2025-12-31
 * severities:
 *   token_validity.refresh: low    # by field key or by rule id
 * </pre>
 */
public final class IgnoreRules {

    /** One rule as written; {@code fields} empty means the whole client. */
    public record Rule(String id, String address, String stack, Set<String> fields, String reason, String owner,
                       LocalDate expires, boolean expired) {

        IgnoreMatch match() {
            return new IgnoreMatch(id, reason, owner, expires);
        }
    }

    private final String file;
    private final List<Rule> rules;
    private final Map<String, DriftSeverity> severities;
    private final List<Diagnostic> problems;
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    private IgnoreRules(String file, List<Rule> rules, Map<String, DriftSeverity> severities, List<Diagnostic> problems) {
        this.file = file;
        this.rules = List.copyOf(rules);
        this.severities = Map.copyOf(severities);
        this.problems = List.copyOf(problems);
    }

    public static IgnoreRules none() {
        return new IgnoreRules(null, List.of(), Map.of(), List.of());
    }

    /** Parses the ignore file {@code text} (named {@code file} in messages); {@code today} decides expiry. */
    public static IgnoreRules parse(String text, String file, LocalDate today) {
        List<Diagnostic> problems = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        Map<String, DriftSeverity> severities = new LinkedHashMap<>();
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build()).loadFromString(text);
        } catch (YamlEngineException e) {
            SourcePosition at = e instanceof MarkedYamlEngineException m ? m.getProblemMark()
                    .map(k -> new SourcePosition(file, k.getLine() + 1, k.getColumn() + 1)).orElse(null) : null;
            problems.add(DriftRules.IGNORE_SYNTAX.diagnostic(null, file + " is not valid YAML: "
                    + firstLine(e.getMessage()), "fix the YAML", at));
            return new IgnoreRules(file, rules, severities, problems);
        }
        Map<String, SourcePosition> written = positions(text, file);
        if (doc != null && !(doc instanceof Map)) {
            problems.add(error(DriftRules.IGNORE_SYNTAX, null, file + " must be a map with rules: and severities:", null));
            return new IgnoreRules(file, rules, severities, located(problems, written));
        }
        Map<?, ?> root = doc == null ? Map.of() : (Map<?, ?>) doc;
        for (Object key : root.keySet()) {
            if (!Set.of("version", "rules", "severities").contains(String.valueOf(key))) {
                problems.add(error(DriftRules.IGNORE_UNKNOWN_KEY, String.valueOf(key), file + ": unknown key '" + key + "'",
                        "use version, rules and severities"));
            }
        }
        Object list = root.get("rules");
        if (list != null && !(list instanceof List)) {
            problems.add(error(DriftRules.IGNORE_SYNTAX, "rules", file + ": rules must be a list", null));
        } else if (list != null) {
            int i = 0;
            for (Object item : (List<?>) list) {
                String id = "rules[" + i++ + "]";
                if (!(item instanceof Map<?, ?> m)) {
                    problems.add(error(DriftRules.IGNORE_SYNTAX, id, file + ": " + id + " must be a map", null));
                    continue;
                }
                rule(file, id, m, today, problems).ifPresent(rules::add);
            }
        }
        Object sev = root.get("severities");
        if (sev instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                String key = String.valueOf(k);
                if (AppClientField.byKey(key).isEmpty() && !SeverityRules.DESCRIPTIONS.containsKey(key)) {
                    problems.add(error(DriftRules.IGNORE_UNKNOWN_FIELD, "severities." + key, file + ": severities: '" + key
                            + "' is neither a field of cogform.yaml nor a drift rule id", "see docs/drift.md"));
                    return;
                }
                try {
                    severities.put(key, DriftSeverity.parse(String.valueOf(v)));
                } catch (IllegalArgumentException e) {
                    problems.add(error(DriftRules.IGNORE_SYNTAX, "severities." + key, file + ": " + e.getMessage(), null));
                }
            });
        } else if (sev != null) {
            problems.add(error(DriftRules.IGNORE_SYNTAX, "severities", file + ": severities must be a map", null));
        }
        return new IgnoreRules(file, rules, severities, located(problems, written));
    }

    /** Where each path of the file is written ({@code rules[0].reason}: its value), so that problems point there. */
    private static Map<String, SourcePosition> positions(String text, String file) {
        Map<String, SourcePosition> out = new HashMap<>();
        new Compose(LoadSettings.builder().build()).composeString(text).ifPresent(n -> walk(n, "", file, out));
        return out;
    }

    private static void walk(Node node, String path, String file, Map<String, SourcePosition> out) {
        node.getStartMark().ifPresent(m -> out.put(path, new SourcePosition(file, m.getLine() + 1, m.getColumn() + 1)));
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode key) {
                    walk(t.getValueNode(), path.isEmpty() ? key.getValue() : path + "." + key.getValue(), file, out);
                }
            }
        } else if (node instanceof SequenceNode list) {
            int i = 0;
            for (Node item : list.getValue()) {
                walk(item, path + "[" + i++ + "]", file, out);
            }
        }
    }

    /** The problems placed at their path, or at the nearest enclosing one written (a missing key: its map). */
    private static List<Diagnostic> located(List<Diagnostic> problems, Map<String, SourcePosition> written) {
        return problems.stream().map(d -> {
            if (d.at() != null || d.path() == null) {
                return d;
            }
            String p = d.path();
            while (!written.containsKey(p) && !p.isEmpty()) {
                int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
                p = cut < 0 ? "" : p.substring(0, cut);
            }
            return new Diagnostic(d.severity(), d.rule(), d.path(), d.message(), d.hint(), written.get(p));
        }).toList();
    }

    private static Optional<Rule> rule(String file, String id, Map<?, ?> m, LocalDate today, List<Diagnostic> problems) {
        String where = file + ": " + id;
        for (Object key : m.keySet()) {
            if (!Set.of("id", "address", "stack", "fields", "reason", "owner", "expires").contains(String.valueOf(key))) {
                problems.add(error(DriftRules.IGNORE_UNKNOWN_KEY, id + "." + key, where + ": unknown key '" + key + "'",
                        "use id, address, stack, fields, reason, owner and expires"));
            }
        }
        String name = m.get("id") == null ? id : String.valueOf(m.get("id"));
        String address = m.get("address") == null ? null : String.valueOf(m.get("address"));
        String reason = m.get("reason") == null ? null : String.valueOf(m.get("reason"));
        String owner = m.get("owner") == null ? null : String.valueOf(m.get("owner"));
        boolean ok = true;
        for (var required : List.of(Map.entry("address", address == null ? "" : address),
                Map.entry("reason", reason == null ? "" : reason), Map.entry("owner", owner == null ? "" : owner))) {
            if (required.getValue().isBlank()) {
                problems.add(error(DriftRules.IGNORE_MISSING, id + "." + required.getKey(),
                        where + " has no " + required.getKey(), "every rule names address, reason, owner and expires"));
                ok = false;
            }
        }
        LocalDate expires = null;
        if (m.get("expires") == null) {
            problems.add(error(DriftRules.IGNORE_MISSING, id + ".expires", where + " has no expires date",
                    "every rule names address, reason, owner and expires (YYYY-MM-DD)"));
            ok = false;
        } else {
            try {
                expires = LocalDate.parse(String.valueOf(m.get("expires")));
            } catch (DateTimeParseException e) {
                problems.add(error(DriftRules.IGNORE_SYNTAX, id + ".expires", where + ": expires '" + m.get("expires")
                        + "' is not a date", "write YYYY-MM-DD"));
                ok = false;
            }
        }
        Set<String> fields = new LinkedHashSet<>();
        Object f = m.get("fields");
        if (f instanceof List<?> l) {
            l.forEach(x -> fields.add(String.valueOf(x)));
        } else if (f != null) {
            fields.add(String.valueOf(f));
        }
        fields.remove("*");
        for (String field : fields) {
            if (AppClientField.byPath(field).isEmpty()) {
                problems.add(error(DriftRules.IGNORE_UNKNOWN_FIELD, id + ".fields", where + ": '" + field
                        + "' is not a field of cogform.yaml", "use the YAML keys, such as callback_urls"));
                ok = false;
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        boolean expired = expires.isBefore(today);
        if (expired) {
            problems.add(error(DriftRules.IGNORE_EXPIRED, id, where + " (" + name + ", owner " + owner + ") expired on " + expires
                    + "; it ignores nothing now", "renew it with a new date, or fix the drift and delete the rule"));
        }
        return Optional.of(new Rule(name, address, m.get("stack") == null ? null : String.valueOf(m.get("stack")),
                fields, reason, owner, expires, expired));
    }

    public SeverityRules severities() {
        return SeverityRules.withOverrides(severities);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The first live rule covering {@code path} (empty: the whole client) of this client, marking it used. */
    public Optional<IgnoreMatch> match(String stack, ClientAddress address, String path) {
        for (Rule r : rules) {
            if (r.expired() || !glob(r.address()).matcher(address.toString()).matches()) {
                continue;
            }
            if (r.stack() != null && !glob(r.stack()).matcher(stack).matches()) {
                continue;
            }
            // A rule naming a struct field (analytics) covers its members (analytics.external_id).
            if (r.fields().isEmpty() || !path.isEmpty() && r.fields().stream()
                    .anyMatch(f -> path.equals(f) || path.startsWith(f + "."))) {
                used.add(r.id());
                return Optional.of(r.match());
            }
        }
        return Optional.empty();
    }

    /** Problems of the file, then a warning for each live rule that matched nothing so far. */
    public List<Diagnostic> diagnostics() {
        List<Diagnostic> out = new ArrayList<>(problems);
        for (Rule r : rules) {
            if (!r.expired() && !used.contains(r.id())) {
                out.add(DriftRules.IGNORE_UNMATCHED.diagnostic(r.id(), file + ": rule " + r.id() + " (address "
                        + r.address() + ") matched nothing", "delete it if the drift it covered is gone", null));
            }
        }
        return out;
    }

    /** {@code *} within a dotted or slashed segment, {@code **} across them, {@code ?} one character. */
    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^./]*");
            } else if (c == '?') {
                re.append("[^./]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    private static Diagnostic error(dev.cogform.core.spec.Rule rule, String path, String message, String hint) {
        return rule.diagnostic(path, message, hint, null);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
