package dev.cogform.core.desired;

import dev.cogform.core.diag.SourcePosition;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;

/** One client as the YAML wants it: canonical settings (pool defaults merged in) and its lifecycle. */
public record DesiredClient(ClientAddress address, AppClientSettings settings, Lifecycle lifecycle,
                            SourcePosition at) {
}
