package dev.cogform.cli.wiring;

import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.desired.ProviderConfig;
import dev.cogform.core.desired.StateConfig;
import dev.cogform.core.live.CognitoGateway;
import dev.cogform.core.live.cognito.CallerAccount;
import dev.cogform.core.live.cognito.GatewayConfig;
import dev.cogform.core.live.cognito.QuotaBudget;
import dev.cogform.core.live.cognito.SdkCognitoGateway;
import dev.cogform.core.state.StateStore;
import dev.cogform.state.StateBackends;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the engine's collaborators from a loaded stack: the Cognito gateway (AWS, a custom
 * endpoint, or the embedded sandbox) and the state store (any backend of {@link StateBackends}).
 * Commands get their collaborators here and nowhere else.
 */
public final class Wiring {

    private Wiring() {
    }

    /**
     * The gateway for the stack's {@code provider:}; for {@code endpoint: sandbox}, an in-process
     * sandbox. The gateway holds HTTP connections: close it ({@link AutoCloseable}) when done.
     */
    public static CognitoGateway gateway(DesiredState stack) {
        return gateway(stack, null);
    }

    /** As {@link #gateway(DesiredState)}, drawing on a shared rate budget (null: its own). */
    public static CognitoGateway gateway(DesiredState stack, QuotaBudget budget) {
        ProviderConfig provider = stack.provider();
        if (provider != null && provider.sandbox()) {
            return SandboxGateway.start(stack, budget);
        }
        return SdkCognitoGateway.create(GatewayConfig.from(provider), budget);
    }

    /**
     * The account-region (and endpoint) whose quotas the stack uses: {@code ACCOUNT/REGION}, with the
     * account from STS GetCallerIdentity. Non-AWS endpoints (the sandbox, test peers) report the fixed
     * account {@value #LOCAL_ACCOUNT} and add their endpoint; each embedded sandbox is its own.
     */
    public static String budgetKey(DesiredState stack) {
        ProviderConfig provider = stack.provider();
        String region = provider != null && provider.region() != null ? provider.region()
                : firstSet(System.getenv("AWS_REGION"), System.getProperty("aws.region"),
                        System.getenv("AWS_DEFAULT_REGION"), "us-east-1");
        if (provider != null && provider.sandbox()) {
            return LOCAL_ACCOUNT + "/" + region + " sandbox:" + stack.directory().toAbsolutePath().normalize();
        }
        if (provider != null && provider.endpoint() != null && !provider.endpoint().isBlank()) {
            return LOCAL_ACCOUNT + "/" + region + " " + provider.endpoint().trim();
        }
        return CallerAccount.of(GatewayConfig.from(provider)) + "/" + region;
    }

    /** The account non-AWS endpoints report. */
    public static final String LOCAL_ACCOUNT = "000000000000";

    private static String firstSet(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    /**
     * Starts, on a daemon thread, what the first SDK client of a process spends its time on (class
     * initialisation of the client, its endpoint rules, signer and HTTP client): it builds a client for a
     * local address and closes it unused, sending nothing and reading no credentials. A plan's first
     * request comes that much sooner when this overlaps loading the YAML. Returns at once; a failure
     * only means the real client pays the cost itself.
     */
    public static Thread warmUp() {
        Thread warm = new Thread(() -> {
            try (SdkCognitoGateway unused = SdkCognitoGateway.forLocalEndpoint(URI.create("http://127.0.0.1:9"), null)) {
                // building is the point
            } catch (RuntimeException | LinkageError ignored) {
                // the real client will report whatever is wrong
            }
        }, "cogform-sdk-warm-up");
        warm.setDaemon(true);
        warm.start();
        return warm;
    }

    /** The store for the stack's {@code state:} (default: the local file .cogform/state.json in the stack). */
    public static StateStore stateStore(DesiredState stack) {
        return stateStore(stack.state() == null ? StateConfig.defaultLocal() : stack.state(), stack.directory());
    }

    /**
     * The store {@code config} names; a local path is relative to {@code stackDir}. The S3 store uses
     * AWS's default credential chain. Close it when done (it may hold an HTTP client).
     */
    public static StateStore stateStore(StateConfig config, Path stackDir) {
        return StateBackends.standard().open(config, stackDir);
    }

    /**
     * The store a {@code state migrate --to} target names ({@code s3://BUCKET/KEY}, {@code file:PATH}),
     * with {@code options} (backend settings such as {@code region}; null values unset) added.
     */
    public static StateStore migrationTarget(String target, Map<String, String> options, Path stackDir) {
        return StateBackends.standard().openTarget(target, options, stackDir);
    }
}
