package dev.cogform.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which {@code dev.cogform} packages of a source tree refer to which, from imports and fully qualified names
 * in code (comments are left out: a javadoc link is not a dependency). Only what the tests need to find
 * package cycles: Tarjan's strongly connected components.
 */
record PackageGraph(Map<String, Set<String>> edges) {

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    /** A qualified name up to its first capitalised segment (the class), so that the rest is the package. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.cogform(?:\\.[a-z_][a-z0-9_]*)*)\\.[A-Z]");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\n]*", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\\n])*\"");

    PackageGraph {
        Map<String, Set<String>> copy = new TreeMap<>();
        edges.forEach((from, to) -> copy.put(from, Set.copyOf(to)));
        edges = Map.copyOf(copy);
    }

    /** The graph of every {@code .java} file under {@code sourceRoot}. */
    static PackageGraph scan(Path sourceRoot) {
        Map<String, Set<String>> edges = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = STRING.matcher(COMMENT.matcher(Files.readString(file)).replaceAll(" ")).replaceAll("\"\"");
                Matcher pkg = PACKAGE.matcher(code);
                if (!pkg.find()) {
                    continue;
                }
                String from = pkg.group(1);
                Set<String> to = edges.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher ref = REFERENCE.matcher(code.substring(pkg.end()));
                while (ref.find()) {
                    if (!ref.group(1).equals(from)) {
                        to.add(ref.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PackageGraph(edges);
    }

    /** The strongly connected components with more than one package: each is a cycle. */
    List<Set<String>> cycles() {
        Tarjan t = new Tarjan();
        for (String node : edges.keySet()) {
            if (!t.index.containsKey(node)) {
                t.visit(node);
            }
        }
        return t.components.stream().filter(c -> c.size() > 1).toList();
    }

    /** Recursive Tarjan: the graphs are a few dozen packages, far from any stack limit. */
    private final class Tarjan {
        final Map<String, Integer> index = new HashMap<>();
        final Map<String, Integer> low = new HashMap<>();
        final Deque<String> stack = new ArrayDeque<>();
        final Set<String> onStack = new TreeSet<>();
        final List<Set<String>> components = new ArrayList<>();

        void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.push(v);
            onStack.add(v);
            for (String w : edges.getOrDefault(v, Set.of())) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                Set<String> component = new TreeSet<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                components.add(component);
            }
        }
    }
}
