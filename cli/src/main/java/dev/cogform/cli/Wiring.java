package dev.cogform.cli;

import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.desired.ProviderConfig;
import dev.cogform.core.desired.StateConfig;
import dev.cogform.core.live.CognitoGateway;
import dev.cogform.core.live.cognito.CallerAccount;
import dev.cogform.core.live.cognito.GatewayConfig;
import dev.cogform.core.live.cognito.QuotaBudget;
import dev.cogform.core.live.cognito.SdkCognitoGateway;
import dev.cogform.core.state.StateException;
import dev.cogform.core.state.StateStore;
import dev.cogform.state.blob.BlobStateStore;
import dev.cogform.state.local.LocalStore;
import dev.cogform.state.s3.S3Location;
import dev.cogform.state.s3.S3Store;
import java.nio.file.Path;

/**
 * Builds the engine's collaborators from a loaded stack: the Cognito gateway (AWS, a custom
 * endpoint, or the embedded sandbox) and the state store (local file or S3). Commands get their
 * collaborators here and nowhere else.
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

    /** The store for the stack's {@code state:} (default: the local file .cogform/state.json in the stack). */
    public static StateStore stateStore(DesiredState stack) {
        return stateStore(stack.state() == null ? StateConfig.defaultLocal() : stack.state(), stack.directory());
    }

    /**
     * The store {@code config} names; a local path is relative to {@code stackDir}. The S3 store uses
     * AWS's default credential chain. Close it when done (it may hold an HTTP client).
     */
    public static BlobStateStore stateStore(StateConfig config, Path stackDir) {
        String backend = config.backend() == null ? StateConfig.LOCAL : config.backend();
        switch (backend) {
            case StateConfig.LOCAL:
                return LocalStore.open(stackDir.resolve(config.path() == null ? StateConfig.DEFAULT_PATH : config.path()));
            case StateConfig.S3:
                try {
                    return S3Store.open(new S3Location(config.bucket(), config.key(), config.region(),
                            config.endpoint(), config.kmsKeyId()));
                } catch (IllegalArgumentException e) {
                    throw new StateException("state: " + e.getMessage() + " (set state.bucket and state.key in cogform.yaml)", e);
                }
            default:
                throw new StateException("state.backend '" + backend + "' is not known; use local or s3");
        }
    }
}
