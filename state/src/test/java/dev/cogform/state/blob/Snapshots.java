package dev.cogform.state.blob;

import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.model.SettingsJson;
import dev.cogform.core.state.ClientRecord;
import dev.cogform.core.state.PendingCreate;
import dev.cogform.core.state.StateSnapshot;
import java.time.Instant;
import java.util.List;

/** Sample state content for tests. */
public final class Snapshots {

    public static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    private Snapshots() {
    }

    public static ClientRecord client(String address) {
        ClientAddress a = ClientAddress.parse(address);
        AppClientSettings settings = AppClientSettings.builder(a.client() + "-app")
                .callbackUrls(List.of("https://" + a.client() + ".example.com/callback"))
                .allowedOAuthFlows(List.of("code"))
                .allowedOAuthScopes(List.of("openid", "email"))
                .allowedOAuthFlowsUserPoolClient(true)
                .build();
        return new ClientRecord(a, "us-east-1_" + a.pool(), "client" + Math.abs(address.hashCode()), a.client() + "-app",
                settings, SettingsJson.fingerprint(settings), a.client().startsWith("keep"), T0);
    }

    /** {@code base} with one more client at {@code address}. */
    public static StateSnapshot with(StateSnapshot base, String address) {
        return base.withClient(client(address));
    }

    public static StateSnapshot withPending(StateSnapshot base, String address) {
        ClientAddress a = ClientAddress.parse(address);
        return base.withPending(new PendingCreate(a, "us-east-1_" + a.pool(), a.client() + "-app", T0.plusSeconds(60)));
    }
}
