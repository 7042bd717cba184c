package dev.cogform.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running Cognito sandbox: an HTTP server on {@link #endpoint()} that AWS SDKs and the aws CLI can
 * use as their Cognito endpoint ({@code --endpoint-url}, {@code endpointOverride}) with any
 * credentials. It is not AWS; whoever shows its address should say "sandbox".
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults())) {
 *     String poolId = sandbox.ensurePool("demo");
 *     // point a client at sandbox.endpoint()
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {

    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI endpoint;
    private final PoolApi pools;
    private final PoolWriteGuard guard;
    private final FaultPlan faults;
    private final Quotas quotas;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Sandbox(HttpServer server, ExecutorService executor, URI endpoint, PoolApi pools, PoolWriteGuard guard,
                    FaultPlan faults, Quotas quotas) {
        this.server = server;
        this.executor = executor;
        this.endpoint = endpoint;
        this.pools = pools;
        this.guard = guard;
        this.faults = faults;
        this.quotas = quotas;
    }

    /**
     * Starts a sandbox. With a data file, its content is loaded first; an unreadable file fails the
     * start ({@link IllegalStateException}) rather than being overwritten.
     *
     * @throws UncheckedIOException when the address cannot be bound
     */
    public static Sandbox start(SandboxOptions options) {
        // The JDK server sends headers and body in separate writes; without TCP_NODELAY, Nagle's
        // algorithm and the client's delayed ACK add ~40 ms to every answer. Read once per JVM.
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        SandboxStore store = options.dataFile() == null
                ? SandboxStore.inMemory() : SandboxStore.persistent(new DataFile(options.dataFile()));
        Clock clock = new Clock(options.clock());
        PoolApi pools = new PoolApi(store, options.region(), clock);
        Quotas quotas = options.quotas() ? new Quotas(true, options.quotaScale(), System::nanoTime) : Quotas.off();
        PoolWriteGuard guard = new PoolWriteGuard();
        ProtocolHandler handler = new ProtocolHandler(new Dispatcher(pools, new ClientApi(store, clock)), quotas,
                options.faults(), guard);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox could not listen on " + options.host() + ":" + options.port()
                    + " (" + e.getMessage() + "); choose another port, or 0 for a free one", e);
        }
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        URI endpoint = URI.create("http://" + host + ":" + server.getAddress().getPort());
        return new Sandbox(server, executor, endpoint, pools, guard, options.faults(), quotas);
    }

    /** The base URL, such as {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return endpoint;
    }

    /** The id of the (first) pool named {@code poolName}, creating the pool when there is none. */
    public String ensurePool(String poolName) {
        return pools.ensurePool(poolName, List.of());
    }

    /**
     * As {@link #ensurePool(String)}; a pool created here gets the custom attributes
     * {@code customAttributes} (names without {@code custom:}). A pool that exists keeps its schema, as
     * in Cognito, so a custom attribute named later and missing from it is refused, not added.
     */
    public String ensurePool(String poolName, Collection<String> customAttributes) {
        return pools.ensurePool(poolName, customAttributes);
    }

    /** The live fault plan: rules added or cleared here apply to the next requests. */
    public FaultPlan faults() {
        return faults;
    }

    /**
     * Lifts ({@code true}) or restores the request-rate quotas, for seeding data whose loading is not
     * what is being measured. No bucket is drawn while lifted: one never used starts full when the
     * quotas are restored, and the others have refilled as time passed.
     * Does nothing for a sandbox started without quotas.
     */
    public void liftQuotas(boolean lifted) {
        quotas.lift(lifted);
    }

    /** Whether a client write on the pool is being processed right now (for tests that overlap writes). */
    public boolean writeInProgress(String poolId) {
        return guard.busy(poolId);
    }

    /**
     * Stops listening at once; requests in flight are cut off. The data file is already up to date.
     * Closing again does nothing.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "cogform-sandbox-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
