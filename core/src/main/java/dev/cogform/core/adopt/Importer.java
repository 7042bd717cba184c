package dev.cogform.core.adopt;

import dev.cogform.core.desired.DesiredClient;
import dev.cogform.core.desired.DesiredPool;
import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.spec.Rule;
import dev.cogform.core.spec.RunRules;
import dev.cogform.core.live.CognitoGateway;
import dev.cogform.core.live.GatewayError;
import dev.cogform.core.live.GatewayException;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.model.AppClientField;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.refresh.PoolResolver;
import dev.cogform.core.state.ClientRecord;
import dev.cogform.core.state.StateSnapshot;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code cogform import ADDRESS CLIENT_ID}: reads one existing client and makes the record that takes it
 * into the state, with its live settings as applied, so that the next plan shows only what cogform.yaml
 * changes. The caller holds the state lock and writes the record. The refusals are the planner's for
 * {@code import_id}: the address must be in cogform.yaml and unmanaged, the client unmanaged and in the
 * address's pool, and its create-only fields as cogform.yaml says.
 */
public final class Importer {

    /** The record to write, or why not (exactly one is non-null). */
    public record Result(ClientRecord record, Diagnostic refusal) {
    }

    private final CognitoGateway gateway;
    private final PoolResolver resolver;

    public Importer(CognitoGateway gateway, PoolResolver resolver) {
        this.gateway = gateway;
        this.resolver = resolver;
    }

    public Result importClient(DesiredState desired, StateSnapshot state, ClientAddress address, String clientId,
                               Instant now) {
        Optional<DesiredClient> wanted = desired.client(address);
        if (wanted.isEmpty()) {
            return refuse(RunRules.IMPORT_NOT_IN_YAML, address + " is not in cogform.yaml",
                    "add the client under pools." + address.pool() + ".clients." + address.client()
                            + " (or write import_id there and run plan), then import");
        }
        Optional<ClientRecord> existing = state.client(address);
        if (existing.isPresent()) {
            return refuse(RunRules.IMPORT_CONFLICT, address + " already manages client " + existing.get().clientId(),
                    "run '" + desired.command("state rm " + address) + "' first to manage client " + clientId + " instead");
        }
        Optional<ClientRecord> owner = state.clients().values().stream()
                .filter(r -> r.clientId().equals(clientId)).findFirst();
        if (owner.isPresent()) {
            return refuse(RunRules.IMPORT_ALREADY_MANAGED, "client " + clientId + " is already managed by "
                    + owner.get().address(), "'" + desired.command("state mv " + owner.get().address() + " " + address)
                    + "' moves it to the new address");
        }
        DesiredPool pool = desired.pool(address.pool()).orElseThrow();
        String poolId = pool.id() != null ? pool.id() : resolver.poolId(pool.name()).orElse(null);
        if (poolId == null) {
            return refuse(RunRules.REFRESH_POOL_NOT_FOUND, "pool name \"" + pool.name() + "\" not found",
                    "check the name, the region and the credentials, or give the pool's id");
        }
        Optional<LiveClient> live;
        try {
            live = gateway.describe(poolId, clientId);
        } catch (GatewayException e) {
            if (e.error() != GatewayError.NOT_FOUND) {
                throw e;
            }
            live = Optional.empty();
        }
        if (live.isEmpty()) {
            return refuse(RunRules.IMPORT_NOT_FOUND, "client " + clientId + " does not exist in pool " + poolId
                    + ", the pool of " + address, "check the id; a client of another pool is imported under that pool's key");
        }
        LiveClient client = live.get();
        for (AppClientField f : AppClientField.values()) {
            Object is = f.get(client.settings());
            Object wants = f.get(wanted.get().settings());
            if (f.createOnly() && !is.equals(wants)) {
                return refuse(RunRules.IMPORT_CREATE_ONLY, "client " + clientId + " has " + f.key() + ": " + is
                        + ", but cogform.yaml says " + wants + "; it can only be set when a client is created",
                        "write " + f.key() + ": " + is + " in cogform.yaml to import the client as it is");
            }
        }
        return new Result(new ClientRecord(address, poolId, clientId, client.settings().clientName(), client.settings(),
                client.fingerprint(), wanted.get().lifecycle().preventDestroy(), now), null);
    }

    private static Result refuse(Rule rule, String message, String hint) {
        return new Result(null, rule.diagnostic(null, message, hint, null));
    }
}
