package dev.cogform.bench;

import dev.cogform.core.desired.DesiredClient;
import dev.cogform.core.desired.DesiredPool;
import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.desired.Lifecycle;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Valid, varied app clients for benchmarks: client {@code i} goes to pool {@code i % pools}, and its
 * settings cycle through four shapes (defaults, an OAuth web client, a confidential client, one
 * with attribute permissions). None names an identity provider or custom scope, so refresh needs no
 * live checks.
 */
public final class SyntheticClients {

    private SyntheticClients() {
    }

    /** The key of pool {@code p}: {@code pool-01}, ... */
    public static String poolKey(int p) {
        return String.format(Locale.ROOT, "pool-%02d", p + 1);
    }

    /** The address of client {@code i} of {@code pools} pools. */
    public static ClientAddress address(int i, int pools) {
        return new ClientAddress(poolKey(i % pools), String.format(Locale.ROOT, "client-%05d", i + 1));
    }

    /** The settings of client {@code i}, named after its address. */
    public static AppClientSettings settings(int i, int pools) {
        String name = "bench-" + address(i, pools).client();
        AppClientSettings.Builder b = AppClientSettings.builder(name);
        switch (i % 4) {
            case 1 -> b.callbackUrls(List.of("https://app" + i + ".example.com/callback"))
                    .logoutUrls(List.of("https://app" + i + ".example.com/"))
                    .defaultRedirectUri("https://app" + i + ".example.com/callback")
                    .allowedOAuthFlows(List.of("code"))
                    .allowedOAuthScopes(List.of("openid", "email", "profile"))
                    .allowedOAuthFlowsUserPoolClient(true)
                    .supportedIdentityProviders(List.of("COGNITO"))
                    .explicitAuthFlows(List.of("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"));
            case 2 -> b.generateSecret(true)
                    .accessTokenValiditySeconds(900)
                    .idTokenValiditySeconds(900)
                    .refreshTokenValiditySeconds(7 * 86_400L)
                    .explicitAuthFlows(List.of("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_PASSWORD_AUTH"));
            case 3 -> b.readAttributes(List.of("email", "name"))
                    .writeAttributes(List.of("name"))
                    .preventUserExistenceErrors("ENABLED");
            default -> { }
        }
        return b.build();
    }

    /**
     * A desired state of {@code clients} clients over {@code poolIds.size()} pools, whose ids are given
     * in pool order; {@code directory} and the digest are placeholders (nothing is loaded from disk).
     */
    public static DesiredState desired(List<String> poolIds, int clients) {
        int pools = poolIds.size();
        List<List<DesiredClient>> byPool = new ArrayList<>();
        for (int p = 0; p < pools; p++) {
            byPool.add(new ArrayList<>());
        }
        for (int i = 0; i < clients; i++) {
            byPool.get(i % pools).add(new DesiredClient(address(i, pools), settings(i, pools), Lifecycle.DEFAULT, null));
        }
        List<DesiredPool> desiredPools = new ArrayList<>();
        for (int p = 0; p < pools; p++) {
            desiredPools.add(new DesiredPool(poolKey(p), poolIds.get(p), null, byPool.get(p), null));
        }
        return new DesiredState(Path.of("."), null, null, desiredPools, "bench-" + clients + "-" + pools);
    }
}
