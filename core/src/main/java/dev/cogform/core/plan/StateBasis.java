package dev.cogform.core.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogform.core.model.SettingsJson;
import dev.cogform.core.state.ClientRecord;
import dev.cogform.core.state.PendingCreate;
import dev.cogform.core.state.StateSnapshot;

/**
 * The recorded state a plan was made from: lineage, serial and a checksum of the snapshot's content,
 * so a saved plan can tell that the state moved on even if a serial was reused. A state never saved
 * (serial 0) has no lineage yet: each read of it makes up a new one, so it is recorded as null.
 */
public record StateBasis(String lineage, long serial, String checksum) {

    public static StateBasis of(StateSnapshot state) {
        return new StateBasis(lineageOf(state), state.serial(), checksum(state));
    }

    private static String lineageOf(StateSnapshot state) {
        return state.serial() == 0 ? null : state.lineage();
    }

    /** sha256 (hex) of the snapshot's canonical JSON: records by address, pending intents in order. */
    public static String checksum(StateSnapshot state) {
        var mapper = SettingsJson.mapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("lineage", lineageOf(state));
        root.put("serial", state.serial());
        ArrayNode clients = root.putArray("clients");
        for (ClientRecord r : state.clients().values()) {
            clients.add(PlanFileV1.recordTree(r, true));
        }
        ArrayNode pending = root.putArray("pending");
        for (PendingCreate p : state.pending()) {
            ObjectNode o = pending.addObject();
            o.put("address", p.address().toString());
            o.put("pool_id", p.poolId());
            o.put("client_name", p.clientName());
            o.put("at", p.at() == null ? null : p.at().toString());
        }
        return SettingsJson.sha256Json(root);
    }
}
