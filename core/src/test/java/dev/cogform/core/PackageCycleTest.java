package dev.cogform.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No module has a package cycle: packages form layers (such as {@code spec} below {@code desired} below
 * {@code rule} below {@code stack}), so each can be read, tested and moved on its own. Scans every module's
 * {@code src/main/java} from here, as Maven already forbids cycles between modules.
 */
class PackageCycleTest {

    @Test
    void everyModule_hasAnAcyclicPackageGraph() throws IOException {
        List<Path> roots;
        try (Stream<Path> modules = Files.list(Path.of("").toAbsolutePath().getParent())) {
            roots = modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).sorted().toList();
        }

        assertThat(roots).extracting(r -> r.getParent().getParent().getParent().getFileName().toString())
                .contains("core", "cli", "state", "sandbox", "bench");
        for (Path root : roots) {
            String module = root.getParent().getParent().getParent().getFileName().toString();
            PackageGraph graph = PackageGraph.scan(root);
            assertThat(graph.edges()).as(root.toString()).isNotEmpty();
            assertThat(graph.cycles()).as("package cycles in " + module + " (" + root + ")").isEmpty();
        }
    }

    @Test
    void cycles_findsACycleThroughSeveralPackages_andIgnoresLayers() {
        PackageGraph graph = new PackageGraph(Map.of(
                "a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d"), "d", Set.of(), "e", Set.of("a", "d")));

        assertThat(graph.cycles()).containsExactly(Set.of("a", "b", "c"));
        assertThat(new PackageGraph(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of())).cycles()).isEmpty();
    }

    @Test
    void scan_readsImportsAndQualifiedNames_butNotCommentsOrStrings(@TempDir Path src) throws IOException {
        write(src, "x/A.java", "package dev.cogform.x;\nimport dev.cogform.y.B;\nclass A { B b; }\n");
        write(src, "y/B.java", "package dev.cogform.y;\n/** See {@link dev.cogform.z.C}. */\nclass B {"
                + " String s = \"dev.cogform.z.C\"; dev.cogform.x.A a; }\n");
        write(src, "z/C.java", "package dev.cogform.z;\n// uses dev.cogform.x.A\nclass C { }\n");

        PackageGraph graph = PackageGraph.scan(src);

        assertThat(graph.edges()).containsEntry("dev.cogform.x", Set.of("dev.cogform.y"))
                .containsEntry("dev.cogform.y", Set.of("dev.cogform.x")).containsEntry("dev.cogform.z", Set.of());
        assertThat(graph.cycles()).containsExactly(Set.of("dev.cogform.x", "dev.cogform.y"));
    }

    private static void write(Path root, String file, String text) throws IOException {
        Files.createDirectories(root.resolve(file).getParent());
        Files.writeString(root.resolve(file), text);
    }
}
