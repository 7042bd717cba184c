package dev.cogform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Exact expected output kept in {@code src/test/resources/golden/}. Rewritten only when the build is
 * run with {@code -Dgolden.update=true}; review the diff before committing it.
 */
public final class Golden {

    private static final Path ROOT = Path.of("src", "test", "resources", "golden");

    private Golden() {
    }

    public static void assertMatches(String name, String actual) {
        Path file = ROOT.resolve(name);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual);
                return;
            }
            if (!Files.exists(file)) {
                fail("golden file " + file + " is missing; run 'mvn -o -pl cli test -Dgolden.update=true', review"
                        + " the new file and commit it");
            }
            assertThat(actual).as("output compared with " + file).isEqualTo(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
