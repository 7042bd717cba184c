package dev.cogform.core.spec;

import dev.cogform.core.spec.Rule.Stage;
import java.util.List;

/**
 * The ids of what refresh, plan and apply report: about the live pools, the state or a saved plan rather
 * than the YAML. Named here, beside the loader's, so that the engines do not spell ids as literals and the
 * docs list them with the rest.
 */
public final class RunRules {

    /** A pool named by name is not in the region, or a pool id does not exist. */
    public static final Rule REFRESH_POOL_NOT_FOUND = Rule.error("refresh.pool-not-found", Stage.REFRESH,
            "Every pool exists: an id is found as written, a name is found in the region.");
    /** Reading Cognito failed (not a missing pool); nothing was changed. */
    public static final Rule REFRESH_READ_FAILED = Rule.error("refresh.read-failed", Stage.REFRESH,
            "Cognito can be read: listing and describing pools and clients succeeds (nothing is changed if not).");
    /** A {@code --target} names no client of the stack or the state. */
    public static final Rule PLAN_UNKNOWN_TARGET = Rule.error("plan.unknown-target", Stage.PLAN,
            "Every --target names a client in cogform.yaml or in the state.");
    /** An interrupted create is in the state and the plan was asked not to read Cognito. */
    public static final Rule PLAN_PENDING_NEEDS_REFRESH = Rule.error("plan.pending-needs-refresh", Stage.PLAN,
            "An interrupted create is settled by reading Cognito: not with --refresh=false.");
    /** An interrupted create cannot be matched to one live client. */
    public static final Rule PLAN_PENDING_AMBIGUOUS = Rule.error("plan.pending-ambiguous", Stage.PLAN,
            "An interrupted create matches at most one unmanaged client of its name, or creation dates tell them apart.");
    /** An interrupted create left no client yet, but its answer could still arrive: creating again could duplicate. */
    public static final Rule PLAN_PENDING_IN_DOUBT = Rule.error("plan.pending-in-doubt", Stage.PLAN,
            "An interrupted create is created again only once it can no longer land (sent + timeout + margin),"
                    + " or after cogform state forget-pending.");
    /** An unmanaged client bears the name of a managed, pending or planned client of its pool. */
    public static final Rule PLAN_UNMANAGED_SAME_NAME = Rule.warning("plan.unmanaged-same-name", Stage.PLAN,
            "No unmanaged client of a pool is named like a client cogform manages there (it may be a duplicate).");
    /** The plan would delete or replace a client whose lifecycle forbids it. */
    public static final Rule PREVENT_DESTROY = Rule.error("lifecycle.prevent-destroy", Stage.PLAN,
            "A plan does not delete or replace a client with lifecycle.prevent_destroy: true.");
    /** cogform.yaml changed since the saved plan was made. */
    public static final Rule PLAN_STALE_DESIRED = Rule.error("plan.stale-desired", Stage.APPLY,
            "A saved plan is applied only while cogform.yaml says what it said when the plan was made.");
    /** The state changed (or is another state) since the saved plan was made. */
    public static final Rule PLAN_STALE_STATE = Rule.error("plan.stale-state", Stage.APPLY,
            "A saved plan is applied once, to the state (lineage and serial) it was made against.");
    /** A client the saved plan touches was changed or deleted in Cognito since. */
    public static final Rule PLAN_STALE_LIVE = Rule.error("plan.stale-live", Stage.APPLY,
            "A saved plan is applied only while the clients it changes are as they were in Cognito.");
    /** {@code apply --require-commit SHA}: the saved plan was made at another commit (or outside git). */
    public static final Rule PLAN_STALE_COMMIT = Rule.error("plan.stale-commit", Stage.APPLY,
            "With --require-commit, a saved plan is applied only if it was made at that commit or pull-request head.");
    /** The stack's files in the work tree are not the ones the saved plan was made from (git tree id). */
    public static final Rule PLAN_STALE_TREE = Rule.error("plan.stale-tree", Stage.APPLY,
            "A saved plan made in git is applied only while the stack's files have the tree id it recorded.");
    /** Writing the state before any change failed; nothing was applied. */
    public static final Rule APPLY_STATE_WRITE_FAILED = Rule.error("apply.state-write-failed", Stage.APPLY,
            "The state can be written before Cognito is changed (nothing is applied if not).");
    /** The state lock was lost or the state could not be written: the apply stopped writing to Cognito. */
    public static final Rule APPLY_STOPPED = Rule.error("apply.stopped", Stage.APPLY,
            "An apply writes to Cognito only while it holds the state lock and can record what it did.");
    /** Cognito stored a value other than the one sent; the next plan shows it again. */
    public static final Rule APPLY_RESPONSE_DIFFERS = Rule.warning("apply.response-differs", Stage.APPLY,
            "Cognito stores what cogform sends; a field it answers differently shows again in the next plan.");

    /** import_id names no client of the address's pool. */
    public static final Rule IMPORT_NOT_FOUND = Rule.error("import.not-found", Stage.PLAN,
            "import_id (or cogform import) names an existing client of the address's pool.");
    /** The client to import is already managed by another address. */
    public static final Rule IMPORT_ALREADY_MANAGED = Rule.error("import.already-managed", Stage.PLAN,
            "A client is imported under one address only: not one another address already manages.");
    /** The address already manages another client than import_id names. */
    public static final Rule IMPORT_CONFLICT = Rule.error("import.conflict", Stage.PLAN,
            "Once an address manages a client, import_id names that client (or is removed).");
    /** The client's create-only fields differ from the YAML's. */
    public static final Rule IMPORT_CREATE_ONLY = Rule.error("import.create-only", Stage.PLAN,
            "An imported client's generate_secret is as cogform.yaml says: an import cannot change it.");
    /** An import without reading Cognito. */
    public static final Rule IMPORT_NEEDS_REFRESH = Rule.error("import.needs-refresh", Stage.PLAN,
            "An import reads the live client: not with --refresh=false.");
    /** cogform import of an address the YAML does not have. */
    public static final Rule IMPORT_NOT_IN_YAML = Rule.error("import.not-in-yaml", Stage.PLAN,
            "cogform import takes a client under an address that is in cogform.yaml.");
    /** A create would give a second client the name of an unmanaged one. */
    public static final Rule PLAN_DUPLICATE_NAME = Rule.warning("plan.duplicate-name", Stage.PLAN,
            "A new client does not take the name of an unmanaged client of its pool (import_id adopts it); apply asks again.");
    /** A rotation would give a client a third secret. */
    public static final Rule SECRET_LIMIT = Rule.error("secret.limit", Stage.PLAN,
            "A rotation adds a secret only while the client has fewer than two: Cognito keeps at most two per client.");
    /** --rotate-secret names an address that cannot be rotated. */
    public static final Rule SECRET_ROTATE_TARGET = Rule.error("secret.rotate-target", Stage.PLAN,
            "--rotate-secret names a managed client of cogform.yaml with generate_secret: true.");
    /** A rotation without reading Cognito. */
    public static final Rule SECRET_NEEDS_REFRESH = Rule.error("secret.needs-refresh", Stage.PLAN,
            "--rotate-secret reads the client's secrets from Cognito: not with --refresh=false.");

    /** cogform generate --pool names no pool. */
    public static final Rule GENERATE_POOL = Rule.error("generate.pool", Stage.REFRESH,
            "cogform generate --pool names a pool key of cogform.yaml, a pool id or a pool name that exists.");

    private RunRules() {
    }

    /** These rules, in the order the docs list them. */
    public static List<Rule> all() {
        return List.of(REFRESH_POOL_NOT_FOUND, REFRESH_READ_FAILED, PLAN_UNKNOWN_TARGET, PLAN_PENDING_NEEDS_REFRESH,
                PLAN_PENDING_AMBIGUOUS, PLAN_PENDING_IN_DOUBT, PLAN_UNMANAGED_SAME_NAME, PREVENT_DESTROY,
                PLAN_STALE_DESIRED, PLAN_STALE_STATE, PLAN_STALE_LIVE, PLAN_STALE_COMMIT, PLAN_STALE_TREE,
                APPLY_STATE_WRITE_FAILED, APPLY_STOPPED, APPLY_RESPONSE_DIFFERS, IMPORT_NOT_FOUND, IMPORT_ALREADY_MANAGED,
                IMPORT_CONFLICT, IMPORT_CREATE_ONLY, IMPORT_NEEDS_REFRESH, IMPORT_NOT_IN_YAML, PLAN_DUPLICATE_NAME,
                SECRET_LIMIT, SECRET_ROTATE_TARGET, SECRET_NEEDS_REFRESH, GENERATE_POOL);
    }
}
