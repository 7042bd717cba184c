package dev.cogform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogform.cli.Main;
import dev.cogform.core.testing.Peers;
import dev.cogform.core.testing.peers.Peer;
import dev.cogform.core.testing.peers.WithPeers;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault campaign ({@code bench/faults/campaign.py}) in a bounded run: one kill -9 of an apply with
 * local and with S3 state (moto_server), one race of concurrent applies, each fault kind over a few
 * clients, and a few fuzzed stacks, each cogform run a JVM of its own. Every count must be 0. The slow
 * create (60 s) is left to the full campaign; {@code ApplierFaultsTest} covers it with a short timeout.
 */
@WithPeers(Peer.MOTO)
class FaultCampaignTest {

    @TempDir
    Path dir;

    @Test
    void boundedCampaign_findsNoDuplicateNoLostClientNoUnreadableStateNoStackTrace() throws Exception {
        Path script = repositoryRoot().resolve("bench/faults/campaign.py");
        String cogform = String.join(" ", javaBinary(), "-XX:TieredStopAtLevel=1", "-cp", classpath(),
                Main.class.getName());
        Path log = dir.resolve("campaign.log");
        ProcessBuilder pb = new ProcessBuilder("python3", script.toString(), "--n", "1", "--clients", "6",
                "--only", "kill-local,kill-s3,concurrent,faults,fuzz", "--moto", Peers.moto().toString(),
                "--cogform", cogform, "--log", log.toString(), "--json");
        pb.redirectError(dir.resolve("stderr.txt").toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(15, TimeUnit.MINUTES)).isTrue();
        String err = Files.readString(dir.resolve("stderr.txt"));

        JsonNode report = new ObjectMapper().readTree(out);
        assertThat(report.get("counts").toString()).as("counts; stderr:%n%s", err)
                .isEqualTo("{\"duplicates\":0,\"lost\":0,\"unreadable\":0,\"non_converged\":0,\"stack_traces\":0}");
        assertThat(report.get("info").get("killed").asInt()).as("an apply was killed mid-write").isPositive();
        assertThat(report.get("info").get("fuzz_plan").asInt()).isEqualTo(5);
        assertThat(p.exitValue()).isZero();
    }

    private static Path repositoryRoot() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve("bench/faults/campaign.py"))) {
                return d;
            }
        }
        throw new AssertionError("bench/faults/campaign.py not found above " + Path.of("").toAbsolutePath());
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The test classpath (surefire's when it runs through a manifest-only jar): cogform and its dependencies. */
    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String cp = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        Set<String> entries = new LinkedHashSet<>(List.of(cp.split(Pattern.quote(File.pathSeparator))));
        entries.removeIf(String::isBlank);
        assertThat(entries).as("no spaces: the script splits its --cogform command on them")
                .noneMatch(e -> e.contains(" "));
        return String.join(File.pathSeparator, new ArrayList<>(entries));
    }
}
