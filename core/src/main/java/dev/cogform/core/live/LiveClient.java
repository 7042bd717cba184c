package dev.cogform.core.live;

import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.SettingsJson;
import java.time.Instant;

/**
 * A client as Cognito describes it, in canonical form and without its secret. Dates are null where
 * the server does not return them.
 */
public record LiveClient(String poolId, String clientId, AppClientSettings settings, Instant created,
                         Instant lastModified) {

    /** Identifies these live settings; a saved plan compares it to refuse applying over a change. */
    public String fingerprint() {
        return SettingsJson.fingerprint(settings);
    }
}
