package dev.cogform.core.desired;

import dev.cogform.core.desired.NodeReader.Entry;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.diag.FileFailures;
import dev.cogform.core.diag.Location;
import dev.cogform.core.spec.LoadRules;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The value of every variable after precedence: {@code --var} over {@code --var-file} (later files
 * win) over the stack's {@code variables:}. A variable declared {@code NAME: null} has no default and
 * must be given; values given on the command line for names nobody declares or uses are reported.
 */
final class VariableValues {

    /** Where a value given outside {@code variables:} came from: a var file key, or the command line (null). */
    private final Map<String, Location> givenAt = new LinkedHashMap<>();
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, Location> declaredWithoutValue = new LinkedHashMap<>();
    private final Set<String> declared = new HashSet<>();

    Map<String, String> values() {
        return values;
    }

    Set<String> declaredWithoutValue() {
        return declaredWithoutValue.keySet();
    }

    /** Reads the stack's {@code variables:} map. */
    void declare(NodeReader reader, Entry variables) {
        Map<String, Entry> entries = reader.map(variables.value(), variables.path(), null, LoadRules.DUPLICATE_KEY);
        if (entries == null) {
            return;
        }
        for (Entry e : entries.values()) {
            if (!checkName(reader, e)) {
                continue;
            }
            declared.add(e.key());
            String value = reader.plain(e.value(), e.path());
            if (value == null && e.value() == null) {
                declaredWithoutValue.put(e.key(), reader.location(e.keyNode(), e.path()));
            } else if (value != null) {
                values.put(e.key(), value);
            }
        }
    }

    /** Reads {@code --var-file}s in order; paths are shown relative to {@code stackDir} when inside it. */
    void readFiles(Path stackDir, Iterable<Path> files, Consumer<Diagnostic> sink, ExpansionBudget budget) {
        for (Path file : files) {
            String label = label(stackDir, file);
            String text;
            try {
                // A device such as /dev/zero would be read forever, a FIFO would block.
                if (!Files.isRegularFile(file)) {
                    sink.accept(LoadRules.VAR_FILE.at(new Location("--var-file", null), Files.exists(file)
                            ? "--var-file " + label + " " + FileFailures.NOT_REGULAR
                            : "--var-file " + label + " does not exist (looked for " + file.toAbsolutePath().normalize() + ")",
                            "give the path of a YAML file; it is relative to the stack directory"));
                    continue;
                }
                if (Files.size(file) > StackFile.MAX_BYTES) {
                    sink.accept(LoadRules.VAR_FILE.at(new Location("--var-file", null), "--var-file " + label
                            + " is larger than " + StackFile.MAX_BYTES / (1024 * 1024) + " MB",
                            "a variables file holds a few names and values; check the path"));
                    continue;
                }
                text = Files.readString(file);
            } catch (CharacterCodingException e) {
                sink.accept(LoadRules.VAR_FILE.at(new Location("--var-file", null),
                        "--var-file " + label + " is not UTF-8 text", "save it as UTF-8"));
                continue;
            } catch (IOException e) {
                sink.accept(LoadRules.VAR_FILE.at(new Location("--var-file", null),
                        "--var-file " + label + " " + FileFailures.reading(file, e),
                        "check the path; it is relative to the stack directory"));
                continue;
            }
            // Positions name the file as a path from the working directory (qs/vars.yaml for -C qs), like
            // cogform.yaml's, so that file:line:column opens; messages above keep the option as typed.
            String where = file.normalize().toString();
            NodeReader reader = new NodeReader(where, sink, null, budget);
            Node root = SafeYaml.compose(text, where, sink);
            if (root == null) {
                continue;
            }
            Map<String, Entry> entries = reader.map(root, "", null, LoadRules.DUPLICATE_KEY);
            if (entries == null) {
                continue;
            }
            for (Entry e : entries.values()) {
                String value = checkName(reader, e) ? reader.plain(e.value(), e.path()) : null;
                if (value == null) {
                    if (e.value() == null) {
                        reader.report(LoadRules.VAR_FILE, e.keyNode(), e.path(), "variable " + e.key()
                                + " has no value in " + label, "give it a value, or remove it");
                    }
                    continue;
                }
                values.put(e.key(), value);
                givenAt.put(e.key(), reader.location(e.keyNode(), e.path()));
            }
        }
    }

    /** Applies {@code --var} values, which win over everything. */
    void override(Map<String, String> cli, Consumer<Diagnostic> sink) {
        for (Map.Entry<String, String> e : cli.entrySet()) {
            if (!Interpolation.NAME.matcher(e.getKey()).matches()) {
                sink.accept(LoadRules.VAR_SYNTAX.at(new Location("--var " + e.getKey(), null), "--var " + e.getKey()
                        + "=" + "…: '" + e.getKey() + "' is not a variable name", "write --var NAME=VALUE, the name in"
                        + " letters, digits, _ and -, starting with a letter or _"));
                continue;
            }
            values.put(e.getKey(), e.getValue());
            givenAt.put(e.getKey(), null);
        }
    }

    /** Reports required variables left without a value and given values nobody declares or uses. */
    void finish(Set<String> referenced, Consumer<Diagnostic> sink) {
        declaredWithoutValue.forEach((name, at) -> {
            if (!values.containsKey(name) && !referenced.contains(name)) {
                sink.accept(LoadRules.VAR_REQUIRED.at(at, "variable " + name + " is declared without a default"
                        + " and was not given", "pass --var " + name + "=VALUE or a --var-file that sets it"));
            }
        });
        givenAt.forEach((name, at) -> {
            if (!declared.contains(name) && !referenced.contains(name)) {
                Location where = at != null ? at : new Location("--var " + name, null);
                sink.accept(LoadRules.VAR_UNUSED.at(where, "variable " + name + " is given but the stack"
                        + " neither declares nor uses it", "check the name for a typo, or remove it"));
            }
        });
    }

    private static boolean checkName(NodeReader reader, Entry e) {
        if (Interpolation.NAME.matcher(e.key()).matches()) {
            return true;
        }
        reader.report(LoadRules.VAR_SYNTAX, e.keyNode(), e.path(), "'" + e.key() + "' is not a variable name",
                "use letters, digits, _ and -, starting with a letter or _");
        return false;
    }

    static String label(Path stackDir, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path dir = stackDir.toAbsolutePath().normalize();
        return abs.startsWith(dir) ? dir.relativize(abs).toString() : file.toString();
    }
}
