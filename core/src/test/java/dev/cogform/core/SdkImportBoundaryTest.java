package dev.cogform.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The AWS SDK stays inside {@code live.cognito}: the model, planner and ports must not depend on it. */
class SdkImportBoundaryTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path ADAPTER = MAIN.resolve("dev/cogform/core/live/cognito");

    @Test
    void onlyLiveCognitoReferencesTheAwsSdk() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(MAIN)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).as("core main sources under %s", MAIN.toAbsolutePath()).hasSizeGreaterThan(10);
        assertThat(sources).as("the adapter itself is scanned too").anyMatch(p -> p.startsWith(ADAPTER));

        List<String> offenders = sources.stream()
                .filter(p -> !p.getParent().equals(ADAPTER))
                .filter(SdkImportBoundaryTest::mentionsSdk)
                .map(Path::toString)
                .toList();

        assertThat(offenders).as("core files outside live.cognito that reference software.amazon.*").isEmpty();
    }

    @Test
    void theScanRecognisesAnSdkImport() {
        assertThat(mentions("package x;\nimport software.amazon.awssdk.core.SdkBytes;\n")).isTrue();
        assertThat(mentions("package x;\nimport static software.amazon.awssdk.x.Y.z;\n")).isTrue();
        assertThat(mentions("package x;\nclass A { software.amazon.awssdk.regions.Region r; }\n")).isTrue();
        assertThat(mentions("package x;\nimport java.util.List;\n")).isFalse();
    }

    private static boolean mentionsSdk(Path file) {
        try {
            return mentions(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static boolean mentions(String source) {
        return source.contains("software.amazon.");
    }
}
