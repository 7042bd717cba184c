package dev.cogform.cli;

import dev.cogform.core.stack.DesiredStateLoader;
import dev.cogform.core.desired.StateConfig;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.diag.DiagnosticException;
import dev.cogform.core.diag.SourcePosition;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads only the {@code state:} block of a stack's {@code cogform.yaml}, so the {@code state} commands
 * work while other parts of the file are invalid (as {@code terraform state} does). The rest of the file
 * must still be well-formed YAML. Values are taken literally: {@code ${...}} variables are refused here,
 * because state commands do not resolve variables.
 */
public final class StackStateConfig {

    private static final Set<String> LOCAL_KEYS = Set.of("backend", "path");
    private static final Set<String> S3_KEYS = Set.of("backend", "bucket", "key", "region", "endpoint", "kms_key_id");

    private StackStateConfig() {
    }

    /** The stack's state configuration; {@link StateConfig#defaultLocal()} when there is no {@code state:}. */
    public static StateConfig read(Path stackDir) {
        Path file = stackDir.resolve(DesiredStateLoader.FILE_NAME);
        String label = file.toString();
        Optional<Node> root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Compose(LoadSettings.builder().setLabel(label).build()).composeReader(reader);
        } catch (NoSuchFileException e) {
            throw fail("stack.missing", null, "there is no " + DesiredStateLoader.FILE_NAME + " in " + stackDir,
                    "run cogform in the stack directory, or pass it with -C DIR", null);
        } catch (IOException e) {
            throw fail("stack.unreadable", null, "cannot read " + file + ": " + e.getMessage(), null, null);
        } catch (MarkedYamlEngineException e) {
            throw fail("yaml.syntax", null, "cogform.yaml is not valid YAML: " + e.getProblem(), null,
                    e.getProblemMark().map(m -> new SourcePosition(label, m.getLine() + 1, m.getColumn() + 1)).orElse(null));
        } catch (YamlEngineException e) {
            throw fail("yaml.syntax", null, "cogform.yaml is not valid YAML: " + e.getMessage(), null, null);
        }
        if (root.isEmpty()) {
            return StateConfig.defaultLocal();
        }
        if (!(root.get() instanceof MappingNode top)) {
            throw fail("yaml.shape", null, "cogform.yaml must be a mapping of sections (provider:, state:, pools:)",
                    null, at(label, root.get()));
        }
        Node state = null;
        for (NodeTuple t : top.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("state")) {
                state = t.getValueNode();
            }
        }
        if (state == null || state instanceof ScalarNode s && s.getValue().isEmpty()) {
            return StateConfig.defaultLocal();
        }
        if (!(state instanceof MappingNode block)) {
            throw fail("state.shape", "state", "state: must be a mapping such as {backend: s3, bucket: B, key: K}",
                    null, at(label, state));
        }
        Map<String, String> values = new HashMap<>();
        Map<String, Node> nodes = new HashMap<>();
        for (NodeTuple t : block.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw fail("state.shape", "state", "keys of state: must be plain names", null, at(label, t.getKeyNode()));
            }
            if (!(t.getValueNode() instanceof ScalarNode v)) {
                throw fail("state.value", "state." + k.getValue(), "state." + k.getValue() + " must be a single value",
                        null, at(label, t.getValueNode()));
            }
            if (v.getValue().contains("${")) {
                throw fail("state.variable", "state." + k.getValue(), "state." + k.getValue()
                        + " uses a variable; state settings are read literally", "write the value itself", at(label, v));
            }
            values.put(k.getValue(), v.getValue());
            nodes.put(k.getValue(), t.getKeyNode());
        }
        String backend = values.getOrDefault("backend", StateConfig.LOCAL);
        Set<String> allowed = switch (backend) {
            case StateConfig.LOCAL -> LOCAL_KEYS;
            case StateConfig.S3 -> S3_KEYS;
            default -> throw fail("state.backend", "state.backend", "state.backend '" + backend + "' is not known",
                    "use local or s3", at(label, nodes.get("backend")));
        };
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw fail("state.unknown-key", "state." + key, "state." + key + " does not apply to backend " + backend,
                        "keys for " + backend + ": " + String.join(", ", new java.util.TreeSet<>(allowed)),
                        at(label, nodes.get(key)));
            }
        }
        if (backend.equals(StateConfig.LOCAL)) {
            return new StateConfig(StateConfig.LOCAL, values.getOrDefault("path", StateConfig.DEFAULT_PATH),
                    null, null, null, null, null);
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("bucket", "key")) {
            if (values.getOrDefault(required, "").isBlank()) {
                missing.add("state." + required);
            }
        }
        if (!missing.isEmpty()) {
            throw fail("state.missing", "state", "backend s3 needs " + String.join(" and ", missing),
                    "for example: state: {backend: s3, bucket: my-bucket, key: cogform/state.json}", at(label, block));
        }
        return new StateConfig(StateConfig.S3, null, values.get("bucket"), values.get("key"), values.get("region"),
                values.get("endpoint"), values.get("kms_key_id"));
    }

    private static SourcePosition at(String label, Node node) {
        return node == null ? null : node.getStartMark()
                .map(m -> new SourcePosition(label, m.getLine() + 1, m.getColumn() + 1)).orElse(null);
    }

    private static DiagnosticException fail(String rule, String path, String message, String hint, SourcePosition at) {
        return new DiagnosticException(Diagnostic.error(rule, path, message, hint, at));
    }
}
