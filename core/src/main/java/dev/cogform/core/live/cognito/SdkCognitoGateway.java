package dev.cogform.core.live.cognito;

import dev.cogform.core.desired.QuotaConfig;
import dev.cogform.core.live.ClientSummary;
import dev.cogform.core.live.CognitoGateway;
import dev.cogform.core.live.GatewayError;
import dev.cogform.core.live.GatewayException;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.live.PoolSchema;
import dev.cogform.core.live.PoolSummary;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.SecretDescriptor;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AddUserPoolClientSecretRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClientBuilder;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DescribeUserPoolResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListIdentityProvidersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListResourceServersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolClientsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * {@link CognitoGateway} over the AWS SDK for Java v2.
 *
 * <p>Every call waits for its quota category's and its (operation, pool) token bucket
 * ({@link RateLimiter}); writes to one pool hold that pool's lock, so they never overlap, while
 * other pools and all reads proceed in parallel. {@code TooManyRequestsException} and
 * {@code ConcurrentModificationException} are retried here with full-jitter backoff. The SDK's own
 * retries are limited to transport failures and 5xx answers (at most 3 attempts), so the two
 * layers do not multiply on throttling.
 *
 * <p>The client secret stays inside: {@link LiveClient} has none, messages and the log never include
 * request or response content, and only {@link #readSecret} returns it. At debug level every attempt of
 * every call is logged in one line: operation, pool, client, attempt, latency, throttled, request id.
 */
public final class SdkCognitoGateway implements CognitoGateway, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SdkCognitoGateway.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(35);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(120);
    private static final int MAX_CONNECTIONS = 32;
    /** ListUserPools, ListUserPoolClients and ListIdentityProviders accept up to 60. */
    private static final int PAGE_SIZE = 60;
    /** ListResourceServers accepts up to 50. */
    private static final int RESOURCE_SERVER_PAGE_SIZE = 50;

    private final CognitoIdentityProviderClient client;
    private final List<AutoCloseable> owned;
    private final RateLimiter limiter;
    private final Retrier retrier;
    private final ConcurrentMap<String, ReentrantLock> poolLocks = new ConcurrentHashMap<>();
    private final ConcurrentMap<List<String>, Counts> counts = new ConcurrentHashMap<>();
    private final LongAdder failedCalls = new LongAdder();
    /** The longest a call may take, all attempts included; set once, right after construction. */
    private Duration writeTimeout = CALL_TIMEOUT;

    SdkCognitoGateway(CognitoIdentityProviderClient client, List<AutoCloseable> owned, QuotaConfig quotas,
                      Ticker ticker, DoubleSupplier random) {
        this(client, owned, new RateLimiter(quotas, ticker), ticker, random);
    }

    private SdkCognitoGateway(CognitoIdentityProviderClient client, List<AutoCloseable> owned, RateLimiter limiter,
                              Ticker ticker, DoubleSupplier random) {
        this.client = Objects.requireNonNull(client, "client");
        this.owned = List.copyOf(owned);
        this.limiter = limiter;
        this.retrier = new Retrier(ticker, random, GatewayErrors::retryable);
    }

    /** A gateway for AWS (or the endpoint in {@code config}), with the SDK's default chains for what is unset. */
    public static SdkCognitoGateway create(GatewayConfig config) {
        return create(config, null);
    }

    /**
     * As {@link #create(GatewayConfig)}, drawing on {@code budget} (null: a budget of its own), so that
     * gateways of one account and region together keep to its quotas.
     */
    public static SdkCognitoGateway create(GatewayConfig config, QuotaBudget budget) {
        List<AutoCloseable> owned = new ArrayList<>();
        String region = region(config.region(), System.getenv(), System.getProperty("aws.region"));
        try {
            AwsCredentialsProvider credentials = config.profile() != null
                    ? ProfileCredentialsProvider.builder().profileName(config.profile()).build()
                    : DefaultCredentialsProvider.builder().build();
            owned.add(credentials instanceof AutoCloseable c ? c : () -> { });
            if (config.assumeRoleArn() != null) {
                StsClient sts = StsClient.builder()
                        .credentialsProvider(credentials)
                        .httpClientBuilder(http())
                        .overrideConfiguration(overrides(config.profile()))
                        .applyMutation(b -> {
                            if (region != null) {
                                b.region(Region.of(region));
                            }
                        })
                        .build();
                owned.add(sts);
                StsAssumeRoleCredentialsProvider role = StsAssumeRoleCredentialsProvider.builder()
                        .stsClient(sts)
                        .refreshRequest(r -> r.roleArn(config.assumeRoleArn()).roleSessionName("cogform"))
                        .build();
                owned.add(role);
                credentials = role;
            }
            CognitoIdentityProviderClientBuilder builder = CognitoIdentityProviderClient.builder()
                    .credentialsProvider(credentials)
                    .httpClientBuilder(http())
                    .overrideConfiguration(overrides(config.profile()));
            if (region != null) {
                builder.region(Region.of(region));
            }
            if (config.endpoint() != null) {
                builder.endpointOverride(config.endpoint());
            }
            CognitoIdentityProviderClient client = builder.build();
            RateLimiter limiter = budget != null ? budget.limiter() : new RateLimiter(config.quotas(), Ticker.SYSTEM);
            return new SdkCognitoGateway(client, owned, limiter, Ticker.SYSTEM,
                    () -> ThreadLocalRandom.current().nextDouble());
        } catch (SdkClientException e) {
            closeAll(owned);
            // The SDK's own text lists every provider of its chain; --debug shows it with the cause.
            String message = e.getMessage() != null && e.getMessage().contains("region")
                    ? "no AWS region: set provider.region, AWS_REGION (or AWS_DEFAULT_REGION) or a region in the"
                            + " AWS profile"
                    : "cannot set up Cognito access: " + e.getMessage();
            throw new GatewayException(GatewayError.OTHER, message, null, null, e);
        }
    }

    /**
     * The region to set on the client: the provider's; else, when neither {@code AWS_REGION} nor
     * {@code aws.region} is set, {@code AWS_DEFAULT_REGION} (the aws CLI's and boto3's variable, which the
     * Java SDK does not read); else null, leaving it to the SDK's chain (AWS_REGION, then the profile).
     */
    static String region(String configured, Map<String, String> env, String systemProperty) {
        if (configured != null) {
            return configured;
        }
        if (!blank(env.get("AWS_REGION")) || !blank(systemProperty)) {
            return null;
        }
        String fallback = env.get("AWS_DEFAULT_REGION");
        return blank(fallback) ? null : fallback.trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * A gateway for a Cognito-compatible server on this machine (the embedded sandbox, test peers):
     * region {@code us-east-1} and fixed dummy credentials, which such servers accept; the AWS
     * environment is not consulted for either.
     */
    public static SdkCognitoGateway forLocalEndpoint(URI endpoint, QuotaConfig quotas) {
        return forLocalEndpoint(endpoint, quotas, null);
    }

    /** As {@link #forLocalEndpoint(URI, QuotaConfig)}, drawing on {@code budget} when not null. */
    public static SdkCognitoGateway forLocalEndpoint(URI endpoint, QuotaConfig quotas, QuotaBudget budget) {
        RateLimiter limiter = budget != null ? budget.limiter()
                : new RateLimiter(quotas == null ? QuotaConfig.COGNITO_DEFAULT : quotas, Ticker.SYSTEM);
        return new SdkCognitoGateway(localClient(endpoint), List.of(), limiter,
                Ticker.SYSTEM, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * As {@link #forLocalEndpoint(URI, QuotaConfig)}, but waiting at most {@code answerTimeout} for an answer (instead of
     * 30 s): the fault tests and the campaign use it to reach an unanswered create in seconds.
     */
    public static SdkCognitoGateway forLocalEndpointWithTimeout(URI endpoint, QuotaConfig quotas,
                                                                Duration answerTimeout) {
        Duration call = answerTimeout.multipliedBy(3).plusSeconds(1);
        SdkCognitoGateway g = new SdkCognitoGateway(CognitoIdentityProviderClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(http().socketTimeout(answerTimeout))
                .overrideConfiguration(overrides(null).toBuilder().apiCallAttemptTimeout(answerTimeout.plusSeconds(1))
                        .apiCallTimeout(call).build())
                .build(), List.of(), quotas == null ? QuotaConfig.COGNITO_DEFAULT : quotas,
                Ticker.SYSTEM, () -> ThreadLocalRandom.current().nextDouble());
        g.writeTimeout = call;
        return g;
    }

    static CognitoIdentityProviderClient localClient(URI endpoint) {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(http())
                .overrideConfiguration(overrides(null))
                .build();
    }

    static ApacheHttpClient.Builder http() {
        return ApacheHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .maxConnections(MAX_CONNECTIONS)
                .tcpKeepAlive(true);
    }

    static ClientOverrideConfiguration overrides(String profile) {
        RetryStrategy retries = transportRetries();
        ClientOverrideConfiguration.Builder b = ClientOverrideConfiguration.builder()
                .apiCallTimeout(CALL_TIMEOUT)
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .retryStrategy(retries)
                // CREATE_RETRIES, the other strategy, allows as many attempts.
                .addExecutionInterceptor(new RetryProgress(retries::maxAttempts));
        if (profile != null) {
            b.defaultProfileName(profile);
        }
        return b.build();
    }

    /**
     * The SDK retries only what cogform does not: transport failures and 5xx answers. Throttling and
     * concurrent modification are left to {@link Retrier}, which also re-waits on the rate limiter.
     */
    static RetryStrategy transportRetries() {
        return DefaultRetryStrategy.standardStrategyBuilder()
                .maxAttempts(3)
                .useClientDefaults(false)
                .circuitBreakerEnabled(false)
                .retryOnException(SdkCognitoGateway::transportFailure)
                .build();
    }

    /**
     * A create is re-sent only when it surely never reached the server: a lost answer may mean the
     * client exists, and a second send would make a duplicate. The applier's pending intent resolves
     * such an unknown outcome on the next plan.
     */
    static final RetryStrategy CREATE_RETRIES = DefaultRetryStrategy.standardStrategyBuilder()
            .maxAttempts(3)
            .useClientDefaults(false)
            .circuitBreakerEnabled(false)
            .retryOnException(SdkCognitoGateway::notSent)
            .build();

    static boolean notSent(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException || c instanceof UnknownHostException
                    || c instanceof NoRouteToHostException
                    || c.getClass().getName().endsWith("ConnectTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    static boolean transportFailure(Throwable t) {
        if (t instanceof SdkServiceException s) {
            return s.statusCode() >= 500 && !s.isThrottlingException()
                    && !GatewayErrors.TOO_MANY_REQUESTS.equals(GatewayErrors.code(s));
        }
        if (t instanceof ApiCallAttemptTimeoutException) {
            return true;
        }
        if (t instanceof SdkClientException) {
            for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
                if (c instanceof IOException) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public List<PoolSummary> listPools() {
        List<PoolSummary> pools = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            ListUserPoolsResponse r = call(CognitoOperation.LIST_USER_POOLS, null,
                    () -> client.listUserPools(b -> b.maxResults(PAGE_SIZE).nextToken(page)));
            r.userPools().forEach(p -> pools.add(new PoolSummary(p.id(), p.name())));
            token = r.nextToken();
        } while (token != null && !token.isEmpty());
        return List.copyOf(pools);
    }

    @Override
    public List<ClientSummary> listClients(String poolId) {
        List<ClientSummary> clients = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            ListUserPoolClientsResponse r = call(CognitoOperation.LIST_USER_POOL_CLIENTS, poolId,
                    () -> client.listUserPoolClients(b -> b.userPoolId(poolId).maxResults(PAGE_SIZE).nextToken(page)));
            r.userPoolClients().forEach(c -> clients.add(new ClientSummary(
                    c.userPoolId() != null ? c.userPoolId() : poolId, c.clientId(), c.clientName())));
            token = r.nextToken();
        } while (token != null && !token.isEmpty());
        return List.copyOf(clients);
    }

    @Override
    public Optional<LiveClient> describe(String poolId, String clientId) {
        return describeRaw(poolId, clientId).map(c -> live(poolId, c));
    }

    @Override
    public Duration writeTimeout() {
        return writeTimeout;
    }

    @Override
    public LiveClient create(String poolId, AppClientSettings settings) {
        var request = mapped(CognitoOperation.CREATE_USER_POOL_CLIENT, poolId,
                () -> AppClientMapper.toCreate(poolId, settings))
                .toBuilder()
                .overrideConfiguration(o -> o.addPlugin(config -> config.overrideConfiguration(
                        config.overrideConfiguration().toBuilder().retryStrategy(CREATE_RETRIES).build())))
                .build();
        UserPoolClientType created = call(CognitoOperation.CREATE_USER_POOL_CLIENT, poolId, null,
                () -> client.createUserPoolClient(request)).userPoolClient();
        return live(poolId, created);
    }

    @Override
    public LiveClient update(String poolId, String clientId, AppClientSettings settings) {
        var request = mapped(CognitoOperation.UPDATE_USER_POOL_CLIENT, poolId,
                () -> AppClientMapper.toUpdate(poolId, clientId, settings));
        UserPoolClientType updated = call(CognitoOperation.UPDATE_USER_POOL_CLIENT, poolId, clientId,
                () -> client.updateUserPoolClient(request)).userPoolClient();
        return live(poolId, updated);
    }

    @Override
    public void delete(String poolId, String clientId) {
        try {
            call(CognitoOperation.DELETE_USER_POOL_CLIENT, poolId, clientId,
                    () -> client.deleteUserPoolClient(b -> b.userPoolId(poolId).clientId(clientId)));
        } catch (GatewayException e) {
            if (e.error() != GatewayError.NOT_FOUND) {
                throw e;
            }
            // Already gone: the desired outcome.
        }
    }

    @Override
    public Set<String> identityProviders(String poolId) {
        Set<String> names = new TreeSet<>();
        names.add("COGNITO");
        String token = null;
        do {
            String page = token;
            ListIdentityProvidersResponse r = call(CognitoOperation.LIST_IDENTITY_PROVIDERS, poolId,
                    () -> client.listIdentityProviders(b -> b.userPoolId(poolId).maxResults(PAGE_SIZE).nextToken(page)));
            r.providers().forEach(p -> names.add(p.providerName()));
            token = r.nextToken();
        } while (token != null && !token.isEmpty());
        return Set.copyOf(names);
    }

    @Override
    public Set<String> resourceServerScopes(String poolId) {
        Set<String> scopes = new TreeSet<>();
        String token = null;
        do {
            String page = token;
            ListResourceServersResponse r = call(CognitoOperation.LIST_RESOURCE_SERVERS, poolId,
                    () -> client.listResourceServers(b -> b.userPoolId(poolId)
                            .maxResults(RESOURCE_SERVER_PAGE_SIZE).nextToken(page)));
            r.resourceServers().forEach(s -> s.scopes()
                    .forEach(scope -> scopes.add(s.identifier() + "/" + scope.scopeName())));
            token = r.nextToken();
        } while (token != null && !token.isEmpty());
        return Set.copyOf(scopes);
    }

    @Override
    public PoolSchema poolSchema(String poolId) {
        DescribeUserPoolResponse r = call(CognitoOperation.DESCRIBE_USER_POOL, poolId,
                () -> client.describeUserPool(b -> b.userPoolId(poolId)));
        Set<String> attributes = new TreeSet<>();
        Set<String> required = new TreeSet<>();
        for (SchemaAttributeType a : r.userPool().schemaAttributes()) {
            attributes.add(a.name());
            if (Boolean.TRUE.equals(a.required())) {
                required.add(a.name());
            }
        }
        return new PoolSchema(attributes, required);
    }

    @Override
    public Optional<String> readSecret(String poolId, String clientId) {
        UserPoolClientType c = describeRaw(poolId, clientId).orElseThrow(() -> new GatewayException(
                GatewayError.NOT_FOUND, "client " + clientId + " does not exist in pool " + poolId));
        return Optional.ofNullable(c.clientSecret()).filter(s -> !s.isEmpty());
    }

    @Override
    public List<SecretDescriptor> listSecrets(String poolId, String clientId) {
        var r = call(CognitoOperation.LIST_USER_POOL_CLIENT_SECRETS, poolId, clientId,
                () -> client.listUserPoolClientSecrets(b -> b.userPoolId(poolId).clientId(clientId)));
        // No pages: "there are only 2 secrets at any given time and we return both with every call".
        return SecretDescriptor.sorted(r.clientSecrets().stream()
                .map(d -> new SecretDescriptor(d.clientSecretId(), d.clientSecretCreateDate())).toList());
    }

    @Override
    public SecretDescriptor addSecret(String poolId, String clientId) {
        var request = AddUserPoolClientSecretRequest.builder().userPoolId(poolId).clientId(clientId)
                .overrideConfiguration(o -> o.addPlugin(config -> config.overrideConfiguration(
                        config.overrideConfiguration().toBuilder().retryStrategy(CREATE_RETRIES).build())))
                .build();
        var d = call(CognitoOperation.ADD_USER_POOL_CLIENT_SECRET, poolId, clientId,
                () -> client.addUserPoolClientSecret(request)).clientSecretDescriptor();
        // The response carries the new value; it is dropped here, so it never reaches state or logs.
        return new SecretDescriptor(d.clientSecretId(), d.clientSecretCreateDate());
    }

    @Override
    public void deleteSecret(String poolId, String clientId, String secretId) {
        call(CognitoOperation.DELETE_USER_POOL_CLIENT_SECRET, poolId, clientId,
                () -> client.deleteUserPoolClientSecret(b -> b.userPoolId(poolId).clientId(clientId)
                        .clientSecretId(secretId)));
    }

    /** What this gateway has sent so far: requests per operation and pool, throttled answers, failed calls. */
    public GatewayMetrics metrics() {
        List<GatewayMetrics.Requests> requests = new ArrayList<>();
        counts.forEach((key, c) -> {
            CognitoOperation operation = CognitoOperation.valueOf(key.get(0));
            requests.add(new GatewayMetrics.Requests(operation.apiName(), operation.category().name(), key.get(1),
                    c.sent.sum(), c.throttled.sum()));
        });
        requests.sort(Comparator.comparing(GatewayMetrics.Requests::operation)
                .thenComparing(GatewayMetrics.Requests::poolId, Comparator.nullsFirst(Comparator.naturalOrder())));
        return new GatewayMetrics(requests, failedCalls.sum());
    }

    @Override
    public void close() {
        client.close();
        closeAll(owned);
    }

    private Optional<UserPoolClientType> describeRaw(String poolId, String clientId) {
        try {
            return Optional.of(call(CognitoOperation.DESCRIBE_USER_POOL_CLIENT, poolId, clientId,
                    () -> client.describeUserPoolClient(b -> b.userPoolId(poolId).clientId(clientId))).userPoolClient());
        } catch (GatewayException e) {
            // Cognito answers ResourceNotFound for a missing pool and a missing client alike; only the
            // message tells them apart, and only a missing client is "empty".
            if (e.error() == GatewayError.NOT_FOUND
                    && !e.getMessage().contains("User pool " + poolId + " does not exist")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static LiveClient live(String poolId, UserPoolClientType c) {
        AppClientSettings settings;
        try {
            settings = AppClientMapper.toSettings(c);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new GatewayException(GatewayError.OTHER, "cannot read client " + c.clientId() + " of pool "
                    + poolId + ": " + e.getMessage());
        }
        return new LiveClient(c.userPoolId() != null ? c.userPoolId() : poolId, c.clientId(), settings,
                c.creationDate(), c.lastModifiedDate());
    }

    private static <T> T mapped(CognitoOperation operation, String poolId, Supplier<T> mapping) {
        try {
            return mapping.get();
        } catch (IllegalArgumentException e) {
            throw new GatewayException(GatewayError.INVALID_PARAMETER,
                    operation.apiName() + " on pool " + poolId + ": " + e.getMessage());
        }
    }

    private <T> T call(CognitoOperation operation, String poolId, Supplier<T> request) {
        return call(operation, poolId, null, request);
    }

    private <T> T call(CognitoOperation operation, String poolId, String clientId, Supplier<T> request) {
        ReentrantLock lock = operation.write() ? poolLocks.computeIfAbsent(poolId, k -> new ReentrantLock()) : null;
        Counts count = counts.computeIfAbsent(Arrays.asList(operation.name(), poolId), k -> new Counts());
        int[] attempts = {0};
        try {
            if (lock != null) {
                lock.lockInterruptibly();
            }
            try {
                return retrier.run(() -> {
                    attempts[0]++;
                    limiter.acquire(operation, poolId);
                    count.sent.increment();
                    long start = System.nanoTime();
                    try {
                        T response = request.get();
                        logAttempt(operation, poolId, clientId, attempts[0], start, response, null);
                        return response;
                    } catch (SdkException e) {
                        if (GatewayErrors.retryable(e) == Retrier.Retry.THROTTLED) {
                            count.throttled.increment();
                        }
                        logAttempt(operation, poolId, clientId, attempts[0], start, null, e);
                        throw e;
                    }
                });
            } finally {
                if (lock != null) {
                    lock.unlock();
                }
            }
        } catch (SdkException e) {
            GatewayException mapped = GatewayErrors.map(operation, poolId, e, attempts[0]);
            if (mapped.error() != GatewayError.NOT_FOUND) {
                failedCalls.increment();
            }
            throw mapped;
        } catch (InterruptedException e) {
            failedCalls.increment();
            Thread.currentThread().interrupt();
            throw new GatewayException(GatewayError.OTHER, operation.apiName() + " was interrupted");
        }
    }

    /**
     * One line per attempt, from what is safe to show: names, ids, timing and the error code; never the
     * request or the response (a response may hold the client secret).
     */
    private static void logAttempt(CognitoOperation operation, String poolId, String clientId, int attempt,
                                   long startNanos, Object response, SdkException failure) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        String client = clientId;
        if (client == null && response instanceof CreateUserPoolClientResponse created && created.userPoolClient() != null) {
            client = created.userPoolClient().clientId();
        }
        String requestId = response instanceof AwsResponse r ? r.responseMetadata().requestId()
                : failure instanceof AwsServiceException s ? s.requestId() : null;
        String code = failure == null ? null : GatewayErrors.code(failure);
        String outcome = failure == null ? "ok" : "failed " + (code != null ? code : failure.getClass().getSimpleName());
        boolean throttled = failure != null && GatewayErrors.retryable(failure) == Retrier.Retry.THROTTLED;
        LOG.debug("{} pool={} client={} attempt={} latency={}ms throttled={} {} request-id={}", operation.apiName(),
                poolId == null ? "-" : poolId, client == null ? "-" : client, attempt, millis, throttled, outcome,
                requestId == null || requestId.isEmpty() ? "-" : requestId);
    }

    /** Requests sent and throttled for one (operation, pool). */
    private static final class Counts {
        final LongAdder sent = new LongAdder();
        final LongAdder throttled = new LongAdder();
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                // Closing is best effort; nothing is left to do with a failure here.
            }
        }
    }
}
