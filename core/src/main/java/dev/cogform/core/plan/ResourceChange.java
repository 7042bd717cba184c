package dev.cogform.core.plan;

import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import java.util.List;
import java.util.Objects;

/**
 * The planned change of one client address.
 *
 * <table>
 * <caption>Members by action</caption>
 * <tr><th>action</th><th>poolId</th><th>priorPoolId, clientId</th><th>before</th><th>after</th></tr>
 * <tr><td>CREATE</td><td>pool to create in</td><td>null (or the deleted client's, for a re-create)</td>
 *     <td>null</td><td>desired</td></tr>
 * <tr><td>UPDATE, NO_OP</td><td>the pool</td><td>the client</td><td>live</td><td>desired</td></tr>
 * <tr><td>REPLACE</td><td>pool of the new client</td><td>the old client</td><td>live</td><td>desired</td></tr>
 * <tr><td>DELETE</td><td>the pool</td><td>the client</td><td>live (or recorded)</td><td>null</td></tr>
 * </table>
 *
 * <p>{@code after} already holds the live values of {@code lifecycle.ignore_changes} fields and is
 * exactly what the applier sends. {@code diffs} are before → after; for a create they are the fields
 * that differ from Cognito's defaults. {@code liveFingerprint} identifies the live client the plan was
 * made against (null for creates); {@code preventDestroy} is what the state records after the change.
 */
public record ResourceChange(ClientAddress address, Action action, ActionReason reason, String poolId,
                             String priorPoolId, String clientId, AppClientSettings before,
                             AppClientSettings after, List<AttributeDiff> diffs, String liveFingerprint,
                             boolean preventDestroy) {

    public ResourceChange {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
        diffs = List.copyOf(diffs);
    }

    /** Whether an existing client id stops being valid: replacements. */
    public boolean changesIdentity() {
        return action == Action.REPLACE;
    }

    /** Whether the change removes a client from Cognito. */
    public boolean destructive() {
        return action == Action.REPLACE || action == Action.DELETE;
    }
}
