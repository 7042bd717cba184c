package dev.cogform.state.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.SettingsJson;
import java.util.List;
import java.util.Map;

/**
 * The step to a format version whose settings object has the keys {@code keys}: every key a recorded
 * settings object lacks gets Cognito's default for it (the client's own name for {@code client_name}),
 * so a field added to cogform reads as what Cognito has on a client that never set it, and never as
 * {@code false} or 0. Keys already present are kept as they are.
 */
record SettingsDefaultsUpgrade(int from, List<String> keys) implements FormatUpgrade {

    SettingsDefaultsUpgrade {
        keys = List.copyOf(keys);
    }

    @Override
    public ObjectNode upgrade(ObjectNode document) {
        JsonNode clients = document.path("clients");
        if (!clients.isObject()) {
            return document;
        }
        for (Map.Entry<String, JsonNode> client : clients.properties()) {
            JsonNode settings = client.getValue().path("settings");
            if (!(settings instanceof ObjectNode recorded)) {
                continue;
            }
            String name = settings.path("client_name").asText(client.getValue().path("client_name").asText("x"));
            JsonNode defaults = SettingsJson.toTree(AppClientSettings.defaults(name));
            for (String key : keys) {
                if (!recorded.has(key)) {
                    recorded.set(key, defaults.get(key));
                }
            }
        }
        return document;
    }
}
