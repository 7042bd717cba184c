package dev.cogform.core.desired;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cogform.core.model.AppClientField;
import dev.cogform.core.model.SettingsJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The sha256 of a canonical rendering of the resolved desired content: provider, state, and each pool
 * with its clients' canonical settings and lifecycle, keyed and sorted by key. Key order, whitespace,
 * comments, variables and defaults in the YAML do not change it; source positions take no part.
 */
final class StackDigest {

    private StackDigest() {
    }

    static String of(ProviderConfig provider, StateConfig state, Iterable<DesiredPool> pools) {
        Map<String, Object> doc = new TreeMap<>();
        doc.put("version", StackReader.VERSION);
        doc.put("provider", provider);
        doc.put("state", state);
        Map<String, Object> poolMap = new TreeMap<>();
        for (DesiredPool pool : pools) {
            Map<String, Object> p = new TreeMap<>();
            p.put("id", pool.id());
            p.put("name", pool.name());
            Map<String, Object> clients = new TreeMap<>();
            for (DesiredClient c : pool.clients()) {
                Map<String, Object> client = new LinkedHashMap<>();
                client.put("settings", SettingsJson.toTree(c.settings()));
                client.put("prevent_destroy", c.lifecycle().preventDestroy());
                TreeSet<String> ignored = new TreeSet<>();
                c.lifecycle().ignoreChanges().stream().map(AppClientField::key).forEach(ignored::add);
                client.put("ignore_changes", ignored);
                // Only when given, so that digests of stacks without them stay as they were.
                if (c.importId() != null) {
                    client.put("import_id", c.importId());
                }
                if (c.secretRotation() != null) {
                    client.put("secret_rotation", List.of(c.secretRotation().everySeconds(),
                            c.secretRotation().overlapSeconds()));
                }
                clients.put(c.address().client(), client);
            }
            p.put("clients", clients);
            poolMap.put(pool.key(), p);
        }
        doc.put("pools", poolMap);
        try {
            return SettingsJson.sha256(SettingsJson.mapper().writeValueAsString(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
