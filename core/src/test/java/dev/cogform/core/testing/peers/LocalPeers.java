package dev.cogform.core.testing.peers;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds, installs, starts and stops the peer servers, once per JVM. {@link #url(Peer)} returns the
 * peer named by its system property or environment variable when one is set (an externally started
 * peer); otherwise it starts the peer as a child process on a free loopback port the first time any
 * test asks, waits for its health URL, and stops it (with its process tree) in a shutdown hook.
 *
 * <ul>
 *   <li>moto_server: taken from {@code PATH} (the build machine's image has it); else from a virtualenv
 *       in the cache, installed there with {@code pip install 'moto[server]==}{@value #MOTO_VERSION}{@code '}
 *       when an index is reachable.
 *   <li>cognito-local {@value #COGNITO_LOCAL_VERSION}: run with {@code node} from {@code PATH}, installed
 *       with {@code npm} into the cache on first use.
 * </ul>
 *
 * The cache is {@code .ci/cache} of the checkout (git-ignored), or {@code cogform.test.cache} /
 * {@code COGFORM_TEST_CACHE} when set. Startup waits {@code cogform.test.peerTimeoutSeconds} (default
 * 120) for the health URL. A peer that cannot start is remembered: every later request fails at once
 * with the same message.
 */
public final class LocalPeers {

    public static final String COGNITO_LOCAL_VERSION = "5.3.0";
    /** The moto installed into the cache when moto_server is not on PATH: the version the suite is tested with. */
    public static final String MOTO_VERSION = "5.2.1";
    private static final String COMPLETE = ".cogform-complete";
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);

    private static final Map<Peer, Object> OUTCOMES = new EnumMap<>(Peer.class); // URI or PeerUnavailable
    private static final List<PeerProcess> RUNNING = new ArrayList<>();
    private static boolean hookAdded;

    private LocalPeers() {
    }

    /** Where {@code peer} listens: the configured URL, or a peer started for this JVM. */
    public static URI url(Peer peer) {
        Optional<URI> configured = configured(peer);
        if (configured.isPresent()) {
            return configured.get();
        }
        synchronized (LocalPeers.class) {
            Object outcome = OUTCOMES.get(peer);
            if (outcome == null) {
                try {
                    outcome = start(peer).url;
                } catch (PeerUnavailable e) {
                    System.err.println("peers: " + e.getMessage());
                    outcome = e;
                }
                OUTCOMES.put(peer, outcome);
            }
            if (outcome instanceof PeerUnavailable e) {
                throw new PeerUnavailable(e.getMessage()); // the same one line for every test that needs it
            }
            return (URI) outcome;
        }
    }

    /** The URL in the peer's system property or, failing that, its environment variable. */
    static Optional<URI> configured(Peer peer) {
        String url = System.getProperty(peer.property());
        if (blank(url)) {
            url = System.getenv(peer.env());
        }
        return blank(url) ? Optional.empty() : Optional.of(URI.create(url.trim()));
    }

    private static boolean blank(String s) {
        // Maven passes an unset ${env.X} through literally.
        return s == null || s.isBlank() || s.startsWith("${");
    }

    private static PeerProcess start(Peer peer) {
        long started = System.nanoTime();
        List<String> command;
        Map<String, String> env = Map.of();
        switch (peer) {
            case MOTO -> command = List.of(motoServer().toString(), "-H", "127.0.0.1", "-p", "{port}");
            case COGNITO_LOCAL -> {
                Path node = onPath("node").orElseThrow(() -> new PeerUnavailable("cognito-local needs Node.js, and node"
                        + " is not on PATH: install Node.js 18+ with npm (e.g. apt-get install nodejs npm)"
                        + orRunning(peer)));
                command = List.of(node.toString(), cognitoLocal().toString());
                env = Map.of("HOST", "127.0.0.1", "PORT", "{port}");
            }
            default -> throw new IllegalArgumentException(peer.name());
        }
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            Path scratch;
            try {
                scratch = Files.createTempDirectory("cogform-" + peer.title() + "-");
            } catch (IOException e) {
                throw new PeerUnavailable("cannot make a scratch directory for " + peer.title() + ": " + e.getMessage(), e);
            }
            URI url = URI.create("http://127.0.0.1:" + port);
            try {
                PeerProcess process = PeerProcess.start(peer.title(), withPort(command, port), withPort(env, port),
                        scratch, url, peer.healthPath(), timeout());
                register(process);
                System.err.printf(Locale.ROOT, "peers: %s ready in %d ms (log %s)%n", process,
                        Duration.ofNanos(System.nanoTime() - started).toMillis(), process.log());
                return process;
            } catch (PeerUnavailable e) {
                PeerProcess.deleteTree(scratch);
                // Another process may have taken the free port between our check and the peer's bind.
                if (attempt < 3 && e.getMessage().toLowerCase(Locale.ROOT).contains("in use")) {
                    continue;
                }
                throw e;
            }
        }
    }

    private static String orRunning(Peer peer) {
        return "; or start one and set " + peer.env() + "=http://127.0.0.1:PORT";
    }

    private static List<String> withPort(List<String> command, int port) {
        return command.stream().map(s -> s.replace("{port}", Integer.toString(port))).toList();
    }

    private static Map<String, String> withPort(Map<String, String> env, int port) {
        Map<String, String> out = new java.util.HashMap<>();
        env.forEach((k, v) -> out.put(k, v.replace("{port}", Integer.toString(port))));
        return out;
    }

    private static synchronized void register(PeerProcess process) {
        RUNNING.add(process);
        if (!hookAdded) {
            hookAdded = true;
            Runtime.getRuntime().addShutdownHook(new Thread(LocalPeers::stopAll, "cogform-peers-stop"));
        }
    }

    private static void stopAll() {
        List<PeerProcess> running;
        synchronized (LocalPeers.class) {
            running = new ArrayList<>(RUNNING);
            RUNNING.clear();
        }
        running.forEach(PeerProcess::stop);
    }

    private static Duration timeout() {
        return Duration.ofSeconds(Long.getLong("cogform.test.peerTimeoutSeconds", 120));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new PeerUnavailable("no free loopback port: " + e.getMessage(), e);
        }
    }

    // ---- moto_server ----

    /** moto_server on PATH, else in the cache's virtualenv (installed there when pip can reach an index). */
    static Path motoServer() {
        Optional<Path> onPath = onPath("moto_server");
        if (onPath.isPresent()) {
            return onPath.get();
        }
        Path venv = cache().resolve("moto-" + MOTO_VERSION + "-venv");
        Path exe = venv.resolve("bin").resolve("moto_server");
        String pip = "pip install 'moto[server]==" + MOTO_VERSION + "'";
        String install = "moto_server is not on PATH: install moto with its server extra (" + pip + ")" + orRunning(Peer.MOTO);
        if (Files.exists(venv.resolve(COMPLETE))) {
            return exe;
        }
        Path python = onPath("python3").orElseThrow(() -> new PeerUnavailable("moto_server is not on PATH, nor"
                + " Python 3: install Python 3 and moto with its server extra (" + pip + ")" + orRunning(Peer.MOTO)));
        installOnce(venv, "moto[server] " + MOTO_VERSION + " with pip", install, log -> {
            run(venv.getParent(), log, python.toString(), "-m", "venv", venv.toString());
            run(venv, log, venv.resolve("bin").resolve("pip").toString(), "install", "--disable-pip-version-check",
                    "--timeout", "10", "--retries", "1", "moto[server]==" + MOTO_VERSION);
        });
        return exe;
    }

    // ---- cognito-local ----

    /** cognito-local's start script, installed with npm into the cache on first use. */
    static Path cognitoLocal() {
        Path home = cache().resolve("cognito-local-" + COGNITO_LOCAL_VERSION);
        Path start = home.resolve("node_modules/cognito-local/lib/bin/start.js");
        if (Files.exists(home.resolve(COMPLETE)) && Files.isRegularFile(start)) {
            return start;
        }
        String package_ = "cognito-local@" + COGNITO_LOCAL_VERSION;
        Path npm = onPath("npm").orElseThrow(() -> new PeerUnavailable("cognito-local is not installed in " + home
                + " and npm is not on PATH: install npm (e.g. apt-get install npm)" + orRunning(Peer.COGNITO_LOCAL)));
        installOnce(home, package_ + " from npm (about 30 s, once)", "npm install " + package_ + " failed", log -> {
            Files.createDirectories(home);
            run(home, log, npm.toString(), "init", "-y");
            run(home, log, npm.toString(), "install", "--no-audit", "--no-fund", package_);
        });
        return start;
    }

    // ---- installing ----

    interface Install {
        void into(Path log) throws IOException, InterruptedException;
    }

    /**
     * Runs {@code install} unless {@code dir} is complete, under a file lock so that parallel JVMs install
     * once; marks {@code dir} complete on success and deletes it on failure.
     */
    private static void installOnce(Path dir, String what, String failure, Install install) {
        Path cache = dir.getParent();
        Path log = cache.resolve(dir.getFileName() + ".install.log");
        try {
            Files.createDirectories(cache);
            try (FileChannel channel = FileChannel.open(cache.resolve(dir.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                if (Files.exists(dir.resolve(COMPLETE))) {
                    return; // another JVM installed it while we waited for the lock
                }
                PeerProcess.deleteTree(dir);
                Files.deleteIfExists(log);
                System.err.println("peers: installing " + what + " into " + dir + " (log " + log + ")");
                try {
                    install.into(log);
                    Files.createFile(dir.resolve(COMPLETE));
                } catch (IOException e) {
                    PeerProcess.deleteTree(dir);
                    System.err.println("peers: " + e.getMessage() + "; last lines of " + log + ":\n" + PeerProcess.tail(log, 20));
                    throw new PeerUnavailable(failure + " (" + e.getMessage() + "; log " + log + ")");
                }
            }
        } catch (IOException e) {
            throw new PeerUnavailable(failure + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            PeerProcess.deleteTree(dir);
            throw new PeerUnavailable(failure + ": interrupted", e);
        }
    }

    /** Runs {@code command} in {@code dir}, its output appended to {@code log}; an IOException if it fails. */
    private static void run(Path dir, Path log, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        p.getOutputStream().close();
        if (!p.waitFor(INSTALL_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            PeerProcess.kill(p.toHandle());
            throw new IOException(String.join(" ", command) + " took longer than " + INSTALL_TIMEOUT.toMinutes() + " min");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + p.exitValue());
        }
    }

    // ---- where things are ----

    /** The install cache: {@code cogform.test.cache}, {@code COGFORM_TEST_CACHE}, else the checkout's .ci/cache. */
    static Path cache() {
        String configured = System.getProperty("cogform.test.cache");
        if (blank(configured)) {
            configured = System.getenv("COGFORM_TEST_CACHE");
        }
        if (!blank(configured)) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve(".ci"))) {
                return dir.resolve(".ci").resolve("cache");
            }
        }
        return Path.of(System.getProperty("user.home"), ".cache", "cogform");
    }

    /**
     * An executable named {@code name} in a directory of PATH (or of {@code cogform.test.peerPath}, which
     * replaces PATH for this lookup: a way to try what a machine without moto or Node sees).
     */
    static Optional<Path> onPath(String name) {
        String path = System.getProperty("cogform.test.peerPath", System.getenv("PATH"));
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
