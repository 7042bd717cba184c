package dev.cogform.core.desired;

import dev.cogform.core.diag.Location;
import dev.cogform.core.diag.SourcePosition;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;

/**
 * One client as the YAML wants it: canonical settings (pool defaults merged in) and its lifecycle.
 * {@code sources} says where each field was written, for diagnostics; it takes no part in the digest.
 * {@code importId} is the existing Cognito client the address adopts ({@code import_id}, null when
 * none); {@code secretRotation} is its {@code secret_rotation} (null when none).
 */
public record DesiredClient(ClientAddress address, AppClientSettings settings, Lifecycle lifecycle,
                            SourcePosition at, FieldSources sources, String importId,
                            SecretRotation secretRotation) {

    /** A client built in code, with every field located at the client itself. */
    public DesiredClient(ClientAddress address, AppClientSettings settings, Lifecycle lifecycle, SourcePosition at) {
        this(address, settings, lifecycle, at, FieldSources.of(new Location(path(address), at)));
    }

    /** A client with neither import_id nor secret_rotation. */
    public DesiredClient(ClientAddress address, AppClientSettings settings, Lifecycle lifecycle, SourcePosition at,
                         FieldSources sources) {
        this(address, settings, lifecycle, at, sources, null, null);
    }

    /** The same client adopting {@code clientId} (import_id). */
    public DesiredClient withImportId(String clientId) {
        return new DesiredClient(address, settings, lifecycle, at, sources, clientId, secretRotation);
    }

    /** The same client with {@code secret_rotation}. */
    public DesiredClient withSecretRotation(SecretRotation rotation) {
        return new DesiredClient(address, settings, lifecycle, at, sources, importId, rotation);
    }

    public DesiredClient {
        if (sources == null) {
            sources = FieldSources.of(new Location(path(address), at));
        }
    }

    /** The field path of a client: {@code pools.main.clients.web}. */
    public static String path(ClientAddress address) {
        return "pools." + address.pool() + ".clients." + address.client();
    }
}
