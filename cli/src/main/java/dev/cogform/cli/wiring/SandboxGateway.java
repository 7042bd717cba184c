package dev.cogform.cli.wiring;

import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.desired.QuotaConfig;
import dev.cogform.core.live.ClientSummary;
import dev.cogform.core.live.CognitoGateway;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.live.PoolSchema;
import dev.cogform.core.live.PoolSummary;
import dev.cogform.core.live.cognito.QuotaBudget;
import dev.cogform.core.live.cognito.SdkCognitoGateway;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.SecretDescriptor;
import dev.cogform.core.refresh.PoolResolver;
import dev.cogform.sandbox.Sandbox;
import dev.cogform.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The gateway of a stack whose provider is {@code endpoint: sandbox}: an in-process sandbox keeping
 * its data in the stack's {@code .cogform/sandbox.json}, reached through the same SDK adapter as AWS
 * (so the sandbox run exercises the real code path), with pools named in the YAML created on first use.
 */
final class SandboxGateway implements CognitoGateway, AutoCloseable {

    /** The sandbox's data file, relative to the stack directory. */
    static final Path DATA_FILE = Path.of(".cogform", "sandbox.json");

    private final Sandbox sandbox;
    private final SdkCognitoGateway sdk;
    private final DesiredState stack;

    private SandboxGateway(Sandbox sandbox, SdkCognitoGateway sdk, DesiredState stack) {
        this.sandbox = sandbox;
        this.sdk = sdk;
        this.stack = stack;
    }

    static SandboxGateway start(DesiredState stack) {
        return start(stack, null);
    }

    static SandboxGateway start(DesiredState stack, QuotaBudget budget) {
        QuotaConfig quotas = stack.provider().quotas() != null ? stack.provider().quotas() : QuotaConfig.COGNITO_DEFAULT;
        String region = stack.provider().region() != null ? stack.provider().region() : SandboxOptions.DEFAULT_REGION;
        Sandbox sandbox = Sandbox.start(SandboxOptions.defaults()
                .withDataFile(stack.directory().resolve(DATA_FILE))
                .withRegion(region));
        return new SandboxGateway(sandbox, SdkCognitoGateway.forLocalEndpoint(sandbox.endpoint(), quotas, budget), stack);
    }

    /**
     * Resolves pool names by creating missing pools, as a fresh sandbox has none, with the custom
     * attributes the stack's clients of that pool name: a pool in AWS would have them in its schema.
     * An existing pool is left as it is, so the live check still catches a custom attribute it lacks.
     */
    PoolResolver poolResolver() {
        return name -> Optional.of(sandbox.ensurePool(name, customAttributes(name)));
    }

    /** The custom attributes (without {@code custom:}) the clients of pools named {@code name} read or write. */
    private Set<String> customAttributes(String name) {
        Set<String> out = new TreeSet<>();
        stack.pools().stream().filter(p -> name.equals(p.name())).flatMap(p -> p.clients().stream())
                .flatMap(c -> Stream.concat(c.settings().readAttributes().stream(), c.settings().writeAttributes().stream()))
                .filter(a -> a.startsWith("custom:"))
                .forEach(a -> out.add(a.substring("custom:".length())));
        return out;
    }

    @Override
    public List<PoolSummary> listPools() {
        return sdk.listPools();
    }

    @Override
    public List<ClientSummary> listClients(String poolId) {
        return sdk.listClients(poolId);
    }

    @Override
    public Optional<LiveClient> describe(String poolId, String clientId) {
        return sdk.describe(poolId, clientId);
    }

    @Override
    public LiveClient create(String poolId, AppClientSettings settings) {
        return sdk.create(poolId, settings);
    }

    @Override
    public LiveClient update(String poolId, String clientId, AppClientSettings settings) {
        return sdk.update(poolId, clientId, settings);
    }

    @Override
    public void delete(String poolId, String clientId) {
        sdk.delete(poolId, clientId);
    }

    @Override
    public Set<String> identityProviders(String poolId) {
        return sdk.identityProviders(poolId);
    }

    @Override
    public Set<String> resourceServerScopes(String poolId) {
        return sdk.resourceServerScopes(poolId);
    }

    @Override
    public PoolSchema poolSchema(String poolId) {
        return sdk.poolSchema(poolId);
    }

    @Override
    public Optional<String> readSecret(String poolId, String clientId) {
        return sdk.readSecret(poolId, clientId);
    }

    @Override
    public List<SecretDescriptor> listSecrets(String poolId, String clientId) {
        return sdk.listSecrets(poolId, clientId);
    }

    @Override
    public SecretDescriptor addSecret(String poolId, String clientId) {
        return sdk.addSecret(poolId, clientId);
    }

    @Override
    public void deleteSecret(String poolId, String clientId, String secretId) {
        sdk.deleteSecret(poolId, clientId, secretId);
    }

    @Override
    public void close() {
        try {
            sdk.close();
        } finally {
            sandbox.close();
        }
    }
}
