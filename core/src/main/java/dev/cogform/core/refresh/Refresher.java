package dev.cogform.core.refresh;

import dev.cogform.core.desired.DesiredClient;
import dev.cogform.core.desired.DesiredPool;
import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.live.ClientSummary;
import dev.cogform.core.live.CognitoGateway;
import dev.cogform.core.live.GatewayError;
import dev.cogform.core.live.GatewayException;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.live.PoolSchema;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.model.SecretDescriptor;
import dev.cogform.core.rule.LiveChecks;
import dev.cogform.core.spec.RunRules;
import dev.cogform.core.state.ClientRecord;
import dev.cogform.core.state.PendingCreate;
import dev.cogform.core.state.StateSnapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Reads the live side of a plan concurrently. The gateway keeps to Cognito's quotas, so the worker
 * count only bounds how many calls wait at once. A failed read becomes an error diagnostic and leaves
 * the address unknown, so a pool that cannot be read is never taken for "all clients deleted".
 */
public final class Refresher {

    /** Default number of reads in flight. */
    public static final int DEFAULT_PARALLELISM = 10;

    private final CognitoGateway gateway;
    private final PoolResolver resolver;
    private final int parallelism;
    private final RefreshListener listener;

    public Refresher(CognitoGateway gateway, PoolResolver resolver, int parallelism, RefreshListener listener) {
        this.gateway = gateway;
        this.resolver = resolver;
        this.parallelism = Math.max(1, parallelism);
        this.listener = listener;
    }

    public Refresher(CognitoGateway gateway) {
        this(gateway, PoolResolver.lookup(gateway), DEFAULT_PARALLELISM, RefreshListener.NONE);
    }

    /**
     * Reads every managed client (of {@code targets}, or all when empty), lists every pool the YAML or
     * the state names, describes unmanaged clients a pending create may have made, reads the attribute
     * schema of every pool whose clients name attribute permissions, and runs the live checks of the
     * YAML's pools.
     */
    public LiveSnapshot refresh(DesiredState desired, StateSnapshot state, Set<ClientAddress> targets) {
        return refresh(desired, state, targets, Set.of());
    }

    /**
     * As {@link #refresh(DesiredState, StateSnapshot, Set)}, and lists the secrets of the managed clients
     * that rotate theirs: those with {@code secret_rotation} and those in {@code rotateSecrets}. Only
     * those, so a stack without rotation never calls ListUserPoolClientSecrets (which some Cognito
     * emulators lack).
     */
    public LiveSnapshot refresh(DesiredState desired, StateSnapshot state, Set<ClientAddress> targets,
                                Set<ClientAddress> rotateSecrets) {
        Set<ClientAddress> rotating = new java.util.HashSet<>(rotateSecrets);
        desired.clients().stream().filter(c -> c.secretRotation() != null).forEach(c -> rotating.add(c.address()));
        Map<ClientAddress, List<SecretDescriptor>> secrets = new ConcurrentHashMap<>();
        List<Diagnostic> diagnostics = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> poolIds = resolvePools(desired, state, diagnostics);

        Set<String> listed = new LinkedHashSet<>(poolIds.values());
        state.clients().values().forEach(r -> listed.add(r.poolId()));
        state.pending().forEach(p -> listed.add(p.poolId()));
        List<ClientRecord> records = interleaved(state.clients().values().stream()
                .filter(r -> targets.isEmpty() || targets.contains(r.address())).toList());
        List<DesiredPool> checked = desired.pools().stream()
                .filter(p -> poolIds.containsKey(p.key()) && needsLiveCheck(p)).toList();

        Map<String, List<ClientSummary>> listings = new ConcurrentHashMap<>();
        Map<ClientAddress, Optional<LiveClient>> managed = new ConcurrentHashMap<>();
        Map<String, LiveClient> candidates = new ConcurrentHashMap<>();
        Map<String, PoolSchema> schemas = new ConcurrentHashMap<>();
        Map<ClientAddress, GatewayError> unread = new ConcurrentHashMap<>();
        Map<String, GatewayError> unlisted = new ConcurrentHashMap<>();
        // Progress counts the clients read; pool listings and the live checks' reads are not clients.
        Progress progress = new Progress(records.size());
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, daemon());
        try {
            List<CompletableFuture<Void>> reads = new ArrayList<>();
            for (String poolId : listed) {
                Optional<DesiredPool> byId = desired.pools().stream().filter(p -> poolId.equals(p.id())).findFirst();
                reads.add(CompletableFuture.runAsync(() -> counted(null, () -> listings.put(poolId, gateway.listClients(poolId))), pool)
                        .<Void>thenApply(x -> null)
                        .exceptionally(e -> {
                            unlisted.put(poolId, kind(e));
                            return byId.isPresent() && notFound(e)
                                    ? poolIdNotFound(diagnostics, byId.get())
                                    : failed(diagnostics, e, "listing the clients of pool " + poolId, null);
                        }));
            }
            for (ClientRecord r : records) {
                reads.add(run(pool, progress, () -> {
                    Optional<LiveClient> found;
                    try {
                        found = gateway.describe(r.poolId(), r.clientId());
                    } catch (RuntimeException e) {
                        unread.put(r.address(), kind(e));
                        throw e;
                    }
                    managed.put(r.address(), found);
                    if (found.isPresent() && rotating.contains(r.address())) {
                        // A failure here is an error diagnostic: the rotation cannot be planned blind.
                        secrets.put(r.address(), gateway.listSecrets(r.poolId(), r.clientId()));
                    }
                }, diagnostics, "reading client " + r.address() + " (" + r.clientId() + " in pool " + r.poolId() + ")",
                        r.address()));
            }
            for (DesiredPool p : checked) {
                String poolId = poolIds.get(p.key());
                var idps = CompletableFuture.supplyAsync(() -> counted(null, () -> gateway.identityProviders(poolId)), pool);
                var scopes = CompletableFuture.supplyAsync(() -> counted(null, () -> gateway.resourceServerScopes(poolId)), pool);
                reads.add(idps.thenCombine(scopes, (i, s) -> diagnostics.addAll(LiveChecks.check(p, i, s)))
                        .<Void>thenApply(x -> null)
                        .exceptionally(e -> failed(diagnostics, e, "reading the identity providers and scopes of pool " + poolId, null)));
            }
            for (DesiredPool p : desired.pools()) {
                String poolId = poolIds.get(p.key());
                if (poolId != null && namesAttributes(p, false)) {
                    reads.add(CompletableFuture.runAsync(() -> counted(null, () -> {
                                PoolSchema schema = gateway.poolSchema(poolId);
                                schemas.put(poolId, schema);
                                return diagnostics.addAll(LiveChecks.checkAttributes(p, schema.attributes()));
                            }), pool)
                            // A pool that does not exist is reported once, by its listing.
                            .exceptionally(e -> notFound(e) ? null
                                    : failed(diagnostics, e, "reading the attribute schema of pool " + poolId, null)));
                }
            }
            CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).join();

            List<CompletableFuture<Void>> describes = new ArrayList<>();
            Set<String> managedIds = state.clients().values().stream().map(ClientRecord::clientId).collect(Collectors.toSet());
            for (PendingCreate p : state.pending()) {
                if (!targets.isEmpty() && !targets.contains(p.address())) {
                    continue;
                }
                for (ClientSummary s : listings.getOrDefault(p.poolId(), List.of())) {
                    if (s.clientName().equals(p.clientName()) && !managedIds.contains(s.clientId())) {
                        progress.grow();
                        describes.add(run(pool, progress,
                                () -> gateway.describe(s.poolId(), s.clientId()).ifPresent(c -> candidates.put(c.clientId(), c)),
                                diagnostics, "reading client " + s.clientId() + " in pool " + s.poolId()
                                        + " (a possible result of the interrupted create of " + p.address() + ")", null));
                    }
                }
            }
            describeImports(desired, state, targets, poolIds, listings, candidates, describes, pool, progress, diagnostics);
            CompletableFuture.allOf(describes.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdownNow();
        }
        List<Diagnostic> sorted = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
        return new LiveSnapshot(true, poolIds, listings, managed, candidates, sorted, unread, unlisted, schemas, secrets);
    }

    /**
     * Describes the clients {@code import_id} names at addresses the state does not manage yet, into
     * {@code candidates}; one missing from its pool's listing is left for the planner to report.
     */
    private void describeImports(DesiredState desired, StateSnapshot state, Set<ClientAddress> targets,
                                 Map<String, String> poolIds, Map<String, List<ClientSummary>> listings,
                                 Map<String, LiveClient> candidates, List<CompletableFuture<Void>> describes,
                                 ExecutorService pool, Progress progress, List<Diagnostic> diagnostics) {
        for (DesiredClient c : desired.clients()) {
            String poolId = poolIds.get(c.address().pool());
            if (c.importId() == null || poolId == null || state.client(c.address()).isPresent()
                    || !targets.isEmpty() && !targets.contains(c.address())
                    || listings.getOrDefault(poolId, List.of()).stream().noneMatch(s -> s.clientId().equals(c.importId()))) {
                continue;
            }
            progress.grow();
            describes.add(run(pool, progress,
                    () -> gateway.describe(poolId, c.importId()).ifPresent(l -> candidates.put(l.clientId(), l)),
                    diagnostics, "reading client " + c.importId() + " in pool " + poolId + " (import_id of "
                            + c.address() + ")", c.address()));
        }
    }

    /**
     * For {@code --refresh=false}: the live side as the state recorded it. No client is read, so drift
     * and unmanaged clients are not seen, and no live check runs; but every pool the YAML names by name
     * is looked up (one ListUserPools), because the name is the pool's identity: a pool renamed in the
     * YAML must plan its clients' replacement into the new pool, not updates of the recorded one. The
     * schema of pools whose clients name write attributes is read too (the plan folds their required
     * attributes in).
     */
    public LiveSnapshot fromState(DesiredState desired, StateSnapshot state) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, String> recordedPools = new HashMap<>();
        state.clients().values().forEach(r -> recordedPools.putIfAbsent(r.address().pool(), r.poolId()));
        Map<String, String> poolIds = new HashMap<>();
        for (DesiredPool p : desired.pools()) {
            if (p.id() != null) {
                poolIds.put(p.key(), p.id());
            } else {
                resolveByName(p, diagnostics).ifPresent(id -> poolIds.put(p.key(), id));
            }
        }
        // Only pools the YAML no longer names keep their recorded id (for deletes); a named pool that
        // could not be resolved stays unknown, so nothing is planned against a guess.
        recordedPools.forEach((key, id) -> {
            if (desired.pool(key).isEmpty()) {
                poolIds.putIfAbsent(key, id);
            }
        });
        Map<String, PoolSchema> schemas = new HashMap<>();
        for (DesiredPool p : desired.pools()) {
            String poolId = poolIds.get(p.key());
            if (poolId != null && namesAttributes(p, true) && !schemas.containsKey(poolId)) {
                try {
                    schemas.put(poolId, gateway.poolSchema(poolId));
                } catch (GatewayException e) {
                    failed(diagnostics, e, "reading the attribute schema of pool " + poolId, null);
                }
            }
        }
        Map<String, List<ClientSummary>> listings = new HashMap<>();
        Map<ClientAddress, Optional<LiveClient>> managed = new HashMap<>();
        for (ClientRecord r : state.clients().values()) {
            listings.computeIfAbsent(r.poolId(), k -> new ArrayList<>())
                    .add(new ClientSummary(r.poolId(), r.clientId(), r.clientName()));
            managed.put(r.address(), Optional.of(new LiveClient(r.poolId(), r.clientId(), r.applied(), null, null)));
        }
        return new LiveSnapshot(false, poolIds, listings, managed, Map.of(), diagnostics, Map.of(), Map.of(), schemas, Map.of());
    }

    /**
     * The records round-robin over their pools. Cognito allows each operation only 5/s per pool but
     * 15/s per category; in address order, all workers would read one pool at a time and wait on its
     * per-pool limit, at a third of the category's rate.
     */
    static List<ClientRecord> interleaved(List<ClientRecord> records) {
        Map<String, ArrayDeque<ClientRecord>> byPool = new LinkedHashMap<>();
        records.forEach(r -> byPool.computeIfAbsent(r.poolId(), k -> new ArrayDeque<>()).add(r));
        List<ClientRecord> out = new ArrayList<>(records.size());
        while (out.size() < records.size()) {
            for (ArrayDeque<ClientRecord> pool : byPool.values()) {
                ClientRecord r = pool.poll();
                if (r != null) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    private Map<String, String> resolvePools(DesiredState desired, StateSnapshot state, List<Diagnostic> diagnostics) {
        Map<String, String> poolIds = new HashMap<>();
        for (DesiredPool p : desired.pools()) {
            if (p.id() != null) {
                poolIds.put(p.key(), p.id());
            } else {
                resolveByName(p, diagnostics).ifPresent(id -> poolIds.put(p.key(), id));
            }
        }
        // Pools only the state still names keep their recorded id, for deletes and unmanaged reports.
        state.clients().values().forEach(r -> {
            if (desired.pool(r.address().pool()).isEmpty()) {
                poolIds.putIfAbsent(r.address().pool(), r.poolId());
            }
        });
        return poolIds;
    }

    private Optional<String> resolveByName(DesiredPool p, List<Diagnostic> diagnostics) {
        try {
            Optional<String> id = resolver.poolId(p.name());
            if (id.isEmpty()) {
                diagnostics.add(RunRules.REFRESH_POOL_NOT_FOUND.diagnostic("pools." + p.key() + ".name",
                        "pool name \"" + p.name() + "\" not found",
                        "check the name, the region and the credentials, or give the pool's id", p.at()));
            }
            return id;
        } catch (GatewayException e) {
            diagnostics.add(RunRules.REFRESH_READ_FAILED.diagnostic("pools." + p.key() + ".name",
                    "looking up pool name \"" + p.name() + "\" failed: " + describe(e), null, p.at()));
            return Optional.empty();
        }
    }

    /**
     * Whether a client of the pool writes attributes (required ones are folded in) or, unless
     * {@code writeOnly}, names a custom attribute (checked against the schema).
     */
    private static boolean namesAttributes(DesiredPool pool, boolean writeOnly) {
        for (DesiredClient c : pool.clients()) {
            if (!c.settings().writeAttributes().isEmpty() || !writeOnly
                    && c.settings().readAttributes().stream().anyMatch(a -> a.startsWith("custom:"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean needsLiveCheck(DesiredPool pool) {
        for (DesiredClient c : pool.clients()) {
            if (c.settings().supportedIdentityProviders().stream().anyMatch(i -> !"COGNITO".equals(i))
                    || c.settings().allowedOAuthScopes().stream().anyMatch(s -> s.contains("/"))) {
                return true;
            }
        }
        return false;
    }

    private static CompletableFuture<Void> run(ExecutorService pool, Progress progress, Runnable read,
                                               List<Diagnostic> diagnostics, String what, ClientAddress address) {
        return CompletableFuture.runAsync(() -> counted(progress, () -> {
            read.run();
            return null;
        }), pool).exceptionally(e -> failed(diagnostics, e, what, address));
    }

    private static <T> T counted(Progress progress, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } finally {
            if (progress != null) {
                progress.done();
            }
        }
    }

    /** The kind of a failed read: the gateway's, or OTHER for anything unexpected. */
    private static GatewayError kind(Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof GatewayException g ? g.error() : GatewayError.OTHER;
    }

    private static boolean notFound(Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof GatewayException g && g.error() == GatewayError.NOT_FOUND;
    }

    /** A pool the YAML names by id that Cognito does not know: an input error, at the pool's position. */
    private static Void poolIdNotFound(List<Diagnostic> diagnostics, DesiredPool p) {
        diagnostics.add(RunRules.REFRESH_POOL_NOT_FOUND.diagnostic("pools." + p.key() + ".id",
                "pool id \"" + p.id() + "\" does not exist",
                "check the id, the region and the credentials, or give the pool's name", p.at()));
        return null;
    }

    private static Void failed(List<Diagnostic> diagnostics, Throwable e, String what, ClientAddress address) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        diagnostics.add(RunRules.REFRESH_READ_FAILED.diagnostic(address == null ? null : address.toString(),
                what + " failed: " + (cause instanceof GatewayException g ? describe(g) : String.valueOf(cause)),
                "nothing was changed; fix the cause and plan again", null));
        return null;
    }

    static String describe(GatewayException e) {
        return e.detail();
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "cogform-refresh-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Counts finished reads and tells the listener; the total grows when candidates are found. */
    private final class Progress {
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger total;

        Progress(int total) {
            this.total = new AtomicInteger(total);
        }

        void grow() {
            total.incrementAndGet();
        }

        /** Serialised, so that the listener hears counts in order. */
        synchronized void done() {
            listener.onProgress(done.incrementAndGet(), total.get());
        }
    }
}
