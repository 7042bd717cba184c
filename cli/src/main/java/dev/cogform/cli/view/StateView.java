package dev.cogform.cli.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.model.SettingsJson;
import dev.cogform.core.state.ClientRecord;
import dev.cogform.core.state.PendingCreate;
import dev.cogform.core.state.StateSnapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Renders the results of the {@code cogform state} commands. Results go to out; notes and warnings to err. */
public final class StateView {

    private final PrintWriter out;
    private final PrintWriter err;

    public StateView(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** One address a line, sorted; pending creates are noted on err. */
    public void list(StateSnapshot snapshot) {
        snapshot.clients().keySet().forEach(a -> out.println(a));
        for (PendingCreate p : snapshot.pending()) {
            err.println("note: " + p.address() + " has a pending create (client name '" + p.clientName() + "' in pool "
                    + p.poolId() + ", recorded " + p.at() + "); the next plan adopts or retries it");
        }
        out.flush();
        err.flush();
    }

    /** What the state records for {@code address}; the settings never hold a secret. */
    public void show(StateSnapshot snapshot, ClientAddress address) {
        Optional<ClientRecord> record = snapshot.client(address);
        out.println("# " + address);
        if (record.isPresent()) {
            ClientRecord r = record.get();
            field("pool_id", r.poolId());
            field("client_id", r.clientId());
            field("client_name", r.clientName());
            field("prevent_destroy", String.valueOf(r.preventDestroy()));
            field("applied_at", r.appliedAt() == null ? "(unknown)" : r.appliedAt().toString());
            field("live_fingerprint", r.liveFingerprint() == null ? "(none)" : r.liveFingerprint());
            if (r.applied() != null) {
                out.println("settings:");
                try {
                    String json = SettingsJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(
                            SettingsJson.toTree(r.applied()));
                    json.lines().forEach(line -> out.println("  " + line));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        snapshot.pending().stream().filter(p -> p.address().equals(address)).forEach(p ->
                out.println("pending create: client name '" + p.clientName() + "' in pool " + p.poolId()
                        + ", sent " + p.at() + ", in doubt until " + p.answerBy()));
        out.flush();
    }

    public void removed(StateSnapshot before, List<ClientAddress> addresses, StateSnapshot after) {
        for (ClientAddress a : addresses) {
            Optional<ClientRecord> r = before.client(a);
            out.println(r.map(c -> "Removed " + a + " from the state; client " + c.clientId() + " in pool " + c.poolId()
                    + " stays in Cognito, unmanaged.").orElse("Removed the pending create of " + a + " from the state."));
        }
        out.println("State saved at serial " + after.serial() + ".");
        out.flush();
    }

    public void forgotPending(List<dev.cogform.core.state.PendingCreate> dropped, StateSnapshot after) {
        for (var p : dropped) {
            out.println("Forgot the pending create of " + p.address() + " (client name '" + p.clientName() + "' in pool "
                    + p.poolId() + ", recorded " + p.at() + "); the next plan creates it again if cogform.yaml has it.");
        }
        out.println("State saved at serial " + after.serial() + ".");
        out.flush();
    }

    public void moved(ClientAddress from, ClientAddress to, StateSnapshot after) {
        out.println("Moved " + from + " to " + to + " (state serial " + after.serial() + ").");
        out.println("Rename it in cogform.yaml as well: until then a plan would create " + from + " anew and destroy "
                + to + ".");
        out.flush();
    }

    /** The stored document as is, or a note on err when nothing is stored. */
    public void document(Optional<String> document, String location) {
        if (document.isPresent()) {
            out.print(document.get());
            out.flush();
        } else {
            err.println("note: no state is stored at " + location + " yet");
            err.flush();
        }
    }

    public void pushed(Path file, String location, StateSnapshot written) {
        out.println("Pushed " + file + " to " + location + " (lineage " + written.lineage() + ", serial "
                + written.serial() + ", " + written.clients().size() + " clients).");
        out.flush();
    }

    public void unlocked(String lockId, String location) {
        out.println("Released lock " + lockId + " on " + location + ".");
        out.flush();
    }

    public void migrated(String from, String to, StateSnapshot copy) {
        out.println("Copied the state (" + copy.clients().size() + " clients, lineage " + copy.lineage() + ", serial "
                + copy.serial() + ") from " + from + " to " + to + " and verified the copy.");
        out.println("Point state: in cogform.yaml at " + to + "; the copy at " + from + " was left in place.");
        out.flush();
    }

    public void warnings(List<String> warnings) {
        warnings.forEach(w -> err.println("warning: " + w));
        err.flush();
    }

    private void field(String name, String value) {
        out.printf("%-17s %s%n", name + ":", value);
    }
}
