package dev.cogform.core.plan;

import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The planned change of one client address: one record per {@link Action}, each carrying only what
 * that action needs, so nothing is null "because of the action". Java 17 has no pattern-matching
 * switch: switch on {@link #action()}, which each record fixes, and cast in the case.
 *
 * <p>{@code after} already holds the live values of {@code lifecycle.ignore_changes} fields and is
 * exactly what the applier sends, whole, since Cognito resets every field an update leaves out.
 * {@code diffs} go from the prior client's settings to {@code after}; for a create they are the fields
 * that differ from Cognito's defaults. {@code preventDestroy} is what the state records after the
 * change.
 */
public sealed interface ResourceChange permits ResourceChange.Create, ResourceChange.Update,
        ResourceChange.Replace, ResourceChange.Delete, ResourceChange.NoOp {

    ClientAddress address();

    Action action();

    /** Why the change was planned; for display only. */
    ActionReason reason();

    /** The pool the client is in, or will be created in (for a replacement, the new client's pool). */
    String poolId();

    List<AttributeDiff> diffs();

    boolean preventDestroy();

    /** The client the address stands for before the change; empty for a create. */
    Optional<PriorClient> existing();

    /** The settings the address will have; empty for a delete. */
    Optional<AppClientSettings> planned();

    /**
     * The id of the existing client this change adopts into the state ({@code import_id}), before any
     * update; empty when the address is already managed or new. Only updates and no-ops import.
     */
    default Optional<String> importing() {
        return Optional.empty();
    }

    /** Whether an existing client id stops being valid: replacements. */
    default boolean changesIdentity() {
        return action() == Action.REPLACE;
    }

    /** Whether the change removes a client from Cognito. */
    default boolean destructive() {
        return action() == Action.REPLACE || action() == Action.DELETE;
    }

    /**
     * A new client. {@code deletedOutside} is the client it stands in for when the state has one that
     * was deleted outside cogform ({@link ActionReason#CREATE_BECAUSE_DELETED_OUTSIDE}); null for an
     * address new to the state.
     */
    record Create(ClientAddress address, ActionReason reason, String poolId, AppClientSettings after,
                  List<AttributeDiff> diffs, boolean preventDestroy, DeletedClient deletedOutside)
            implements ResourceChange {

        public Create {
            requireCommon(address, reason, Action.CREATE);
            Objects.requireNonNull(poolId, "poolId");
            Objects.requireNonNull(after, "after");
            diffs = List.copyOf(diffs);
        }

        @Override
        public Action action() {
            return Action.CREATE;
        }

        @Override
        public Optional<PriorClient> existing() {
            return Optional.empty();
        }

        @Override
        public Optional<AppClientSettings> planned() {
            return Optional.of(after);
        }
    }

    /**
     * The client is updated in place, in its pool; its id stays. {@code importId}, when not null, is
     * {@code prior}'s id: the client is imported first, then updated.
     */
    record Update(ClientAddress address, PriorClient prior, AppClientSettings after, List<AttributeDiff> diffs,
                  boolean preventDestroy, String importId) implements ResourceChange {

        public Update {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(prior, "prior");
            Objects.requireNonNull(after, "after");
            diffs = List.copyOf(diffs);
            requireImportOfPrior(importId, prior);
        }

        /** An update of a managed client, imported nothing. */
        public Update(ClientAddress address, PriorClient prior, AppClientSettings after, List<AttributeDiff> diffs,
                      boolean preventDestroy) {
            this(address, prior, after, diffs, preventDestroy, null);
        }

        @Override
        public Optional<String> importing() {
            return Optional.ofNullable(importId);
        }

        @Override
        public Action action() {
            return Action.UPDATE;
        }

        @Override
        public ActionReason reason() {
            return ActionReason.UPDATE_BECAUSE_SETTINGS_DIFFER;
        }

        @Override
        public String poolId() {
            return prior.poolId();
        }

        @Override
        public Optional<PriorClient> existing() {
            return Optional.of(prior);
        }

        @Override
        public Optional<AppClientSettings> planned() {
            return Optional.of(after);
        }
    }

    /**
     * A new client is created in {@code poolId}, recorded, and then {@code prior} is deleted from its
     * own pool: the client id changes.
     */
    record Replace(ClientAddress address, ActionReason reason, String poolId, PriorClient prior,
                   AppClientSettings after, List<AttributeDiff> diffs, boolean preventDestroy)
            implements ResourceChange {

        public Replace {
            requireCommon(address, reason, Action.REPLACE);
            Objects.requireNonNull(poolId, "poolId");
            Objects.requireNonNull(prior, "prior");
            Objects.requireNonNull(after, "after");
            diffs = List.copyOf(diffs);
        }

        @Override
        public Action action() {
            return Action.REPLACE;
        }

        @Override
        public Optional<PriorClient> existing() {
            return Optional.of(prior);
        }

        @Override
        public Optional<AppClientSettings> planned() {
            return Optional.of(after);
        }
    }

    /** {@code prior} is deleted; it has no diffs and nothing is sent. */
    record Delete(ClientAddress address, ActionReason reason, PriorClient prior, boolean preventDestroy)
            implements ResourceChange {

        public Delete {
            requireCommon(address, reason, Action.DELETE);
            Objects.requireNonNull(prior, "prior");
        }

        @Override
        public Action action() {
            return Action.DELETE;
        }

        @Override
        public String poolId() {
            return prior.poolId();
        }

        @Override
        public List<AttributeDiff> diffs() {
            return List.of();
        }

        @Override
        public Optional<PriorClient> existing() {
            return Optional.of(prior);
        }

        @Override
        public Optional<AppClientSettings> planned() {
            return Optional.empty();
        }
    }

    /**
     * Nothing to send: {@code after} equals the live settings (or differs only in ignored fields, whose
     * live values it holds). Listed so every address in scope appears in the plan. {@code importId},
     * when not null, is {@code prior}'s id: the client is imported and needs no update.
     */
    record NoOp(ClientAddress address, PriorClient prior, AppClientSettings after, boolean preventDestroy,
                String importId) implements ResourceChange {

        public NoOp {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(prior, "prior");
            Objects.requireNonNull(after, "after");
            requireImportOfPrior(importId, prior);
        }

        /** A managed client in sync, imported nothing. */
        public NoOp(ClientAddress address, PriorClient prior, AppClientSettings after, boolean preventDestroy) {
            this(address, prior, after, preventDestroy, null);
        }

        @Override
        public Optional<String> importing() {
            return Optional.ofNullable(importId);
        }

        @Override
        public Action action() {
            return Action.NO_OP;
        }

        @Override
        public ActionReason reason() {
            return ActionReason.IN_SYNC;
        }

        @Override
        public String poolId() {
            return prior.poolId();
        }

        @Override
        public List<AttributeDiff> diffs() {
            return List.of();
        }

        @Override
        public Optional<PriorClient> existing() {
            return Optional.of(prior);
        }

        @Override
        public Optional<AppClientSettings> planned() {
            return Optional.of(after);
        }
    }

    private static void requireImportOfPrior(String importId, PriorClient prior) {
        if (importId != null && !importId.equals(prior.clientId())) {
            throw new IllegalArgumentException("imports " + importId + " but the prior client is " + prior.clientId());
        }
    }

    private static void requireCommon(ClientAddress address, ActionReason reason, Action action) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(reason, "reason");
        if (reason.action() != action) {
            throw new IllegalArgumentException("reason " + reason.code() + " does not go with action " + action.word());
        }
    }
}
