package dev.cogform.core.testing;

import dev.cogform.core.live.ClientSummary;
import dev.cogform.core.live.CognitoGateway;
import dev.cogform.core.live.GatewayError;
import dev.cogform.core.live.GatewayException;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.live.PoolSchema;
import dev.cogform.core.live.PoolSummary;
import dev.cogform.core.model.AppClientSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An in-memory Cognito for logic tests: pools, clients with secrets, identity providers and scopes.
 * Updates replace every updatable field, as Cognito's do (generateSecret is kept), and a pool's required
 * attributes join a non-empty write_attributes, as in Cognito. Creation dates come
 * from a clock, truncated to seconds as Cognito's are, or are left out ({@link #withoutDates()}).
 * Failures are injected per operation ({@link #failOn}); {@link #onCall} runs a hook inside a call,
 * for latches and crash simulation; {@link #calls()} lists every call in order. Held to
 * {@code CognitoGatewayContract} by {@code FakeCognitoGatewayContractTest}, with two declared gaps: no pages
 * and no validation.
 */
public final class FakeCognitoGateway implements CognitoGateway {

    /** The gateway operations, for failure injection and call logs. */
    public enum Op { LIST_POOLS, LIST, DESCRIBE, CREATE, UPDATE, DELETE, IDENTITY_PROVIDERS, SCOPES, SCHEMA, READ_SECRET }

    /** The attributes of every pool's schema, {@code sub} included, as Cognito creates them. */
    public static final Set<String> STANDARD_ATTRIBUTES = Set.of("sub", "address", "birthdate", "email",
            "email_verified", "family_name", "gender", "given_name", "locale", "middle_name", "name", "nickname",
            "phone_number", "phone_number_verified", "picture", "preferred_username", "profile", "updated_at",
            "website", "zoneinfo");

    private record Stored(LiveClient client, String secret) {
    }

    private final class Pool {
        final String name;
        final Map<String, Stored> clients = new LinkedHashMap<>();
        final Set<String> identityProviders = new TreeSet<>(Set.of("COGNITO"));
        final Set<String> scopes = new TreeSet<>();
        final Set<String> attributes = new TreeSet<>(STANDARD_ATTRIBUTES);
        final Set<String> required = new TreeSet<>(Set.of(PoolSchema.SUB));

        Pool(String name) {
            this.name = name;
        }
    }

    private record Failure(int skip, int times, GatewayException error, boolean afterSuccess) {
    }

    private final Map<String, Pool> pools = new LinkedHashMap<>();
    private final Map<Op, List<Failure>> failures = new ConcurrentHashMap<>();
    private final Map<Op, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<Op, Consumer<String>> hooks = new ConcurrentHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final List<AppClientSettings> sent = new ArrayList<>();
    private java.util.function.UnaryOperator<AppClientSettings> normalise = s -> s;
    private final CallLog log;
    private final Clock clock;
    private final AtomicInteger ids = new AtomicInteger();
    private boolean dates = true;

    public FakeCognitoGateway(Clock clock, CallLog log) {
        this.clock = clock;
        this.log = log;
    }

    public FakeCognitoGateway() {
        this(Clock.systemUTC(), new CallLog());
    }

    /** Creates a pool and returns its id, {@code eu-west-1_poolN}. */
    public synchronized String addPool(String name) {
        String id = "eu-west-1_pool" + (pools.size() + 1);
        pools.put(id, new Pool(name));
        return id;
    }

    public synchronized FakeCognitoGateway addIdentityProvider(String poolId, String name) {
        pool(poolId).identityProviders.add(name);
        return this;
    }

    public synchronized FakeCognitoGateway addScope(String poolId, String scope) {
        pool(poolId).scopes.add(scope);
        return this;
    }

    /** Adds {@code custom:NAME} to the pool's schema. */
    public synchronized FakeCognitoGateway addCustomAttribute(String poolId, String name) {
        pool(poolId).attributes.add("custom:" + name);
        return this;
    }

    /** Makes a standard attribute required, as CreateUserPool's schema can: Cognito adds it to write permissions. */
    public synchronized FakeCognitoGateway requireAttribute(String poolId, String name) {
        pool(poolId).required.add(name);
        return this;
    }

    /** From now on, clients have no creation or modification dates, like some emulators. */
    public synchronized FakeCognitoGateway withoutDates() {
        dates = false;
        return this;
    }

    /**
     * After {@code skip} successful calls of {@code op}, the next {@code times} calls fail with
     * {@code error}. With {@code afterSuccess}, the call takes effect first and then fails: the answer
     * was lost on the way back.
     */
    public FakeCognitoGateway failOn(Op op, int skip, int times, GatewayException error, boolean afterSuccess) {
        failures.computeIfAbsent(op, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                .add(new Failure(skip, times, error, afterSuccess));
        return this;
    }

    public FakeCognitoGateway failOn(Op op, GatewayError kind, String message) {
        return failOn(op, 0, Integer.MAX_VALUE, new GatewayException(kind, message, awsCode(kind), null, null), false);
    }

    /** Runs {@code hook} with the pool id inside every call of {@code op}, outside the fake's lock. */
    public FakeCognitoGateway onCall(Op op, Consumer<String> hook) {
        hooks.put(op, hook);
        return this;
    }

    /** Stores (and answers) {@code rule(settings)} instead of what a create or update sent, like a normalising server. */
    public synchronized FakeCognitoGateway normalise(java.util.function.UnaryOperator<AppClientSettings> rule) {
        normalise = rule;
        return this;
    }

    /** The settings every create and update sent, in order. */
    public synchronized List<AppClientSettings> sent() {
        return List.copyOf(sent);
    }

    /** Every call so far, as {@code OP poolId[/clientId]}, in order. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** Adds a client directly, as someone outside cogform would; returns it. */
    public LiveClient put(String poolId, AppClientSettings settings) {
        return store(poolId, settings);
    }

    /** Changes a client outside cogform. */
    public synchronized void change(String poolId, String clientId, AppClientSettings settings) {
        Stored old = pool(poolId).clients.get(clientId);
        pool(poolId).clients.put(clientId, new Stored(new LiveClient(poolId, clientId,
                settings.toBuilder().generateSecret(old.client().settings().generateSecret()).build(),
                old.client().created(), now()), old.secret()));
    }

    /** Deletes a client outside cogform. */
    public synchronized void remove(String poolId, String clientId) {
        pool(poolId).clients.remove(clientId);
    }

    /** The clients of a pool now, for assertions. */
    public synchronized List<LiveClient> clients(String poolId) {
        return pool(poolId).clients.values().stream().map(Stored::client).toList();
    }

    @Override
    public List<PoolSummary> listPools() {
        return call(Op.LIST_POOLS, null, null, () -> pools.entrySet().stream()
                .map(e -> new PoolSummary(e.getKey(), e.getValue().name)).toList());
    }

    @Override
    public List<ClientSummary> listClients(String poolId) {
        return call(Op.LIST, poolId, null, () -> pool(poolId).clients.values().stream()
                .map(s -> new ClientSummary(poolId, s.client().clientId(), s.client().settings().clientName()))
                .toList());
    }

    @Override
    public Optional<LiveClient> describe(String poolId, String clientId) {
        return call(Op.DESCRIBE, poolId, clientId,
                () -> Optional.ofNullable(pool(poolId).clients.get(clientId)).map(Stored::client));
    }

    @Override
    public LiveClient create(String poolId, AppClientSettings settings) {
        return call(Op.CREATE, poolId, null, () -> {
            pool(poolId);
            return store(poolId, settings);
        });
    }

    @Override
    public LiveClient update(String poolId, String clientId, AppClientSettings settings) {
        return call(Op.UPDATE, poolId, clientId, () -> {
            Stored old = pool(poolId).clients.get(clientId);
            if (old == null) {
                throw new GatewayException(GatewayError.NOT_FOUND, "User pool client " + clientId + " does not exist.",
                        "ResourceNotFoundException", null, null);
            }
            // Every updatable field comes from the request; generate_secret is create-only.
            sent.add(settings);
            AppClientSettings next = normalise.apply(settings).toBuilder().generateSecret(old.client().settings().generateSecret()).build()
                    .withRequiredWritable(schema(poolId).requiredWritable());
            LiveClient client = new LiveClient(poolId, clientId, next, old.client().created(), now());
            pool(poolId).clients.put(clientId, new Stored(client, old.secret()));
            return client;
        });
    }

    @Override
    public void delete(String poolId, String clientId) {
        call(Op.DELETE, poolId, clientId, () -> pool(poolId).clients.remove(clientId));
    }

    @Override
    public Set<String> identityProviders(String poolId) {
        return call(Op.IDENTITY_PROVIDERS, poolId, null, () -> Set.copyOf(pool(poolId).identityProviders));
    }

    @Override
    public Set<String> resourceServerScopes(String poolId) {
        return call(Op.SCOPES, poolId, null, () -> Set.copyOf(pool(poolId).scopes));
    }

    @Override
    public PoolSchema poolSchema(String poolId) {
        return call(Op.SCHEMA, poolId, null, () -> new PoolSchema(pool(poolId).attributes, pool(poolId).required));
    }

    @Override
    public Optional<String> readSecret(String poolId, String clientId) {
        return call(Op.READ_SECRET, poolId, clientId, () -> {
            Stored s = pool(poolId).clients.get(clientId);
            if (s == null) {
                throw new GatewayException(GatewayError.NOT_FOUND, "User pool client " + clientId + " does not exist.",
                        "ResourceNotFoundException", null, null);
            }
            return Optional.ofNullable(s.secret());
        });
    }

    /** The secret of a client, for tests that check it never leaks. */
    public synchronized Optional<String> secret(String poolId, String clientId) {
        return Optional.ofNullable(pool(poolId).clients.get(clientId)).map(Stored::secret);
    }

    private synchronized LiveClient store(String poolId, AppClientSettings requested) {
        sent.add(requested);
        AppClientSettings settings = normalise.apply(requested).withRequiredWritable(schema(poolId).requiredWritable());
        String clientId = "client" + ids.incrementAndGet();
        Instant at = now();
        LiveClient client = new LiveClient(poolId, clientId, settings, at, at);
        String secret = settings.generateSecret() ? "s3cr3t-" + clientId + "-do-not-print" : null;
        pool(poolId).clients.put(clientId, new Stored(client, secret));
        return client;
    }

    private PoolSchema schema(String poolId) {
        return new PoolSchema(pool(poolId).attributes, pool(poolId).required);
    }

    private Instant now() {
        return dates ? clock.instant().truncatedTo(ChronoUnit.SECONDS) : null;
    }

    private Pool pool(String poolId) {
        Pool p = pools.get(poolId);
        if (p == null) {
            throw new GatewayException(GatewayError.NOT_FOUND, "User pool " + poolId + " does not exist.",
                    "ResourceNotFoundException", null, null);
        }
        return p;
    }

    private interface Body<T> {
        T run();
    }

    private <T> T call(Op op, String poolId, String clientId, Body<T> body) {
        String what = op + (poolId != null ? " " + poolId : "") + (clientId != null ? "/" + clientId : "");
        synchronized (this) {
            calls.add(what);
        }
        log.add("gateway " + what);
        Consumer<String> hook = hooks.get(op);
        if (hook != null) {
            hook.accept(poolId);
        }
        int n = counts.computeIfAbsent(op, k -> new AtomicInteger()).getAndIncrement();
        Failure failure = failures.getOrDefault(op, List.of()).stream()
                .filter(f -> n >= f.skip() && n < f.skip() + (long) f.times()).findFirst().orElse(null);
        if (failure != null && !failure.afterSuccess()) {
            throw failure.error();
        }
        T result;
        synchronized (this) {
            result = body.run();
        }
        if (failure != null) {
            throw failure.error();
        }
        return result;
    }

    private static String awsCode(GatewayError kind) {
        return switch (kind) {
            case NOT_FOUND -> "ResourceNotFoundException";
            case THROTTLED -> "TooManyRequestsException";
            case CONCURRENT_MODIFICATION -> "ConcurrentModificationException";
            case INVALID_PARAMETER -> "InvalidParameterException";
            case LIMIT_EXCEEDED -> "LimitExceededException";
            case ACCESS_DENIED -> "NotAuthorizedException";
            default -> null;
        };
    }
}
