package dev.cogform.core.testing;

import dev.cogform.core.desired.DesiredClient;
import dev.cogform.core.desired.DesiredPool;
import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.desired.Lifecycle;
import dev.cogform.core.desired.ProviderConfig;
import dev.cogform.core.desired.StateConfig;
import dev.cogform.core.diag.SourcePosition;
import dev.cogform.core.model.AppClientField;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.model.SettingsJson;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Desired states built in code, for tests that cannot load YAML: pools by id or name, clients with
 * lifecycles, and a digest over the content (so changing anything changes it, like the loader's).
 */
public final class TestStacks {

    private TestStacks() {
    }

    /** A confidential-looking web client with an OAuth code flow: not all defaults, so diffs show. */
    public static AppClientSettings web(String name) {
        return AppClientSettings.builder(name)
                .callbackUrls(List.of("https://app.example.com/callback"))
                .logoutUrls(List.of("https://app.example.com/"))
                .allowedOAuthFlows(List.of("code"))
                .allowedOAuthScopes(List.of("email", "openid"))
                .allowedOAuthFlowsUserPoolClient(true)
                .supportedIdentityProviders(List.of("COGNITO"))
                .explicitAuthFlows(List.of("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"))
                .build();
    }

    public static DesiredClient client(String pool, String key, AppClientSettings settings) {
        return client(pool, key, settings, Lifecycle.DEFAULT);
    }

    public static DesiredClient client(String pool, String key, AppClientSettings settings, Lifecycle lifecycle) {
        return new DesiredClient(new ClientAddress(pool, key), settings, lifecycle,
                new SourcePosition("cogform.yaml", 10, 5));
    }

    public static Lifecycle protect() {
        return new Lifecycle(true, Set.of());
    }

    public static Lifecycle ignore(AppClientField... fields) {
        return new Lifecycle(false, Set.of(fields));
    }

    public static DesiredPool poolById(String key, String id, DesiredClient... clients) {
        return new DesiredPool(key, id, null, Arrays.asList(clients), new SourcePosition("cogform.yaml", 3, 3));
    }

    public static DesiredPool poolByName(String key, String name, DesiredClient... clients) {
        return new DesiredPool(key, null, name, Arrays.asList(clients), new SourcePosition("cogform.yaml", 3, 3));
    }

    public static DesiredState stack(DesiredPool... pools) {
        return stack(new ProviderConfig("eu-west-1", null, null, null, null), pools);
    }

    public static DesiredState sandboxStack(DesiredPool... pools) {
        return stack(new ProviderConfig("eu-west-1", null, null, ProviderConfig.SANDBOX, null), pools);
    }

    public static DesiredState stack(ProviderConfig provider, DesiredPool... pools) {
        String content = Arrays.stream(pools).map(p -> p.key() + "|" + p.id() + "|" + p.name() + "|"
                + p.clients().stream().map(c -> c.address() + "=" + SettingsJson.write(c.settings()) + "/"
                        + c.lifecycle().preventDestroy() + "/" + c.lifecycle().ignoreChanges().stream()
                        .map(AppClientField::key).sorted().toList())
                        .collect(Collectors.joining(";")))
                .collect(Collectors.joining("\n"));
        return new DesiredState(Path.of("."), provider, StateConfig.defaultLocal(), Arrays.asList(pools),
                "sha256:" + SettingsJson.sha256(content));
    }
}
