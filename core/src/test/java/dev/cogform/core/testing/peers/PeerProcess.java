package dev.cogform.core.testing.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One peer server running as a child process from its own scratch directory, with its output in a
 * log file there. On POSIX systems the process runs under a small {@code sh} watchdog that stops it
 * when this JVM disappears without running its shutdown hooks (killed), so no peer outlives the build.
 */
final class PeerProcess {

    /** Polls the peer until it answers; stops it when the JVM exits; kills the whole process tree. */
    private static final String WATCHDOG = "jvm=$1; shift; \"$@\" & child=$!;"
            + " trap 'kill $child 2>/dev/null; exit 143' TERM INT;"
            + " while kill -0 $jvm 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done;"
            + " kill $child 2>/dev/null; wait $child";

    private final String name;
    private final Process process;
    private final Path scratch;
    private final Path log;
    final URI url;

    private PeerProcess(String name, Process process, Path scratch, Path log, URI url) {
        this.name = name;
        this.process = process;
        this.scratch = scratch;
        this.log = log;
        this.url = url;
    }

    /**
     * Starts {@code command} in {@code scratch} (output to {@code <name>.log} there) and waits until
     * {@code url + healthPath} answers. On failure the process is stopped and the exception carries
     * the tail of the log.
     */
    static PeerProcess start(String name, List<String> command, Map<String, String> env, Path scratch, URI url,
                             String healthPath, Duration timeout) {
        Path log = scratch.resolve(name + ".log");
        List<String> argv = new ArrayList<>();
        if (Files.isExecutable(Path.of("/bin/sh"))) {
            argv.addAll(List.of("/bin/sh", "-c", WATCHDOG, "watchdog", Long.toString(ProcessHandle.current().pid())));
        }
        argv.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(argv).directory(scratch.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new PeerUnavailable(name + " could not be started (" + String.join(" ", command) + "): " + e.getMessage(), e);
        }
        PeerProcess peer = new PeerProcess(name, process, scratch, log, url);
        peer.awaitHealthy(url.resolve(healthPath), timeout);
        return peer;
    }

    private void awaitHealthy(URI health, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                http.send(request, HttpResponse.BodyHandlers.discarding());
                return; // any HTTP answer: it is serving
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new PeerUnavailable(name + ": interrupted while waiting for " + health);
            }
            if (!process.isAlive()) {
                String tail = logTail();
                stop();
                throw new PeerUnavailable(name + " exited (status " + process.exitValue() + ") before answering at "
                        + health + "; last lines of " + log + ":\n" + tail);
            }
            if (System.nanoTime() > deadline) {
                String tail = logTail();
                stop();
                throw new PeerUnavailable(name + " did not answer at " + health + " within " + timeout.toSeconds()
                        + " s; last lines of " + log + ":\n" + tail);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new PeerUnavailable(name + ": interrupted while waiting for " + health);
            }
        }
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** The last 40 lines of the peer's log. */
    String logTail() {
        return tail(log, 40);
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the process and everything it started (TERM, then KILL after 5 s); deletes the scratch directory. */
    void stop() {
        kill(process.toHandle());
        deleteTree(scratch);
    }

    /** Stops {@code root} and its descendants: TERM, then KILL what is still alive after 5 s. */
    static void kill(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        for (ProcessHandle p : tree) {
            while (p.isAlive() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a scratch directory in the temp folder
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort
        }
    }

    @Override
    public String toString() {
        return name + " at " + url + " (pid " + process.pid() + ")";
    }
}
