package dev.cogform.core.plan;

import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.model.ClientAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A plan: the changes per address (no-ops included), drift found apart from them, changes to the
 * state alone, unmanaged clients, secret rotation steps ({@code secretChanges}, applied after the
 * settings changes), and the diagnostics that make it unappliable. It also records what
 * it was made from — the desired digest, the state basis, the live fingerprints in each change — so a
 * saved plan can refuse to apply over a world that moved on. {@code digest} is the sha256 of its
 * saved form (see {@link PlanFile}). {@code git} (null outside a repository) and {@code sources} are
 * provenance and display data: they are digested and shown, never planned on.
 */
public record Plan(String toolVersion, Instant createdAt, boolean refreshed, boolean sandbox,
                   String desiredDigest, StateBasis basedOn, Set<ClientAddress> targets,
                   List<ResourceChange> changes, List<Drift> drift, List<StateChange> stateChanges,
                   List<UnmanagedClient> unmanaged, List<Diagnostic> diagnostics, GitProvenance git,
                   Map<ClientAddress, SourceLines> sources, String digest, List<SecretChange> secretChanges) {

    public Plan {
        secretChanges = List.copyOf(secretChanges);
        targets = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(targets));
        changes = List.copyOf(changes);
        drift = List.copyOf(drift);
        stateChanges = List.copyOf(stateChanges);
        unmanaged = List.copyOf(unmanaged);
        diagnostics = List.copyOf(diagnostics);
        sources = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(sources));
    }

    /** A plan without secret steps. */
    public Plan(String toolVersion, Instant createdAt, boolean refreshed, boolean sandbox,
                String desiredDigest, StateBasis basedOn, Set<ClientAddress> targets,
                List<ResourceChange> changes, List<Drift> drift, List<StateChange> stateChanges,
                List<UnmanagedClient> unmanaged, List<Diagnostic> diagnostics, GitProvenance git,
                Map<ClientAddress, SourceLines> sources, String digest) {
        this(toolVersion, createdAt, refreshed, sandbox, desiredDigest, basedOn, targets, changes, drift, stateChanges,
                unmanaged, diagnostics, git, sources, digest, List.of());
    }

    /** A plan made outside git, without source lines (format 1.0 had neither) and without secret steps. */
    public Plan(String toolVersion, Instant createdAt, boolean refreshed, boolean sandbox,
                String desiredDigest, StateBasis basedOn, Set<ClientAddress> targets,
                List<ResourceChange> changes, List<Drift> drift, List<StateChange> stateChanges,
                List<UnmanagedClient> unmanaged, List<Diagnostic> diagnostics, String digest) {
        this(toolVersion, createdAt, refreshed, sandbox, desiredDigest, basedOn, targets, changes, drift, stateChanges,
                unmanaged, diagnostics, null, Map.of(), digest);
    }

    /** The same plan with its digest filled in. */
    public Plan withDigest(String value) {
        return new Plan(toolVersion, createdAt, refreshed, sandbox, desiredDigest, basedOn, targets, changes, drift,
                stateChanges, unmanaged, diagnostics, git, sources, value, secretChanges);
    }

    /** Where the plan was made in git; empty outside a repository. */
    public java.util.Optional<GitProvenance> provenance() {
        return java.util.Optional.ofNullable(git);
    }

    /** Whether a diagnostic is an error: such a plan is shown but never applied. */
    public boolean errored() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** Changes that call Cognito (every action but no-op). */
    public List<ResourceChange> actions() {
        return changes.stream().filter(c -> c.action() != Action.NO_OP).toList();
    }

    /** Whether applying would do anything: Cognito calls or state changes. */
    public boolean applyable() {
        return !errored() && (!actions().isEmpty() || !stateChanges.isEmpty() || !secretChanges.isEmpty());
    }

    /** For {@code --detailed-exitcode}: actions, state changes or drift. */
    public boolean hasChanges() {
        return !actions().isEmpty() || !stateChanges.isEmpty() || !drift.isEmpty() || !secretChanges.isEmpty();
    }

    /** Changes that import an existing client ({@code import_id}), whatever their action. */
    public List<ResourceChange> imports() {
        return changes.stream().filter(c -> c.importing().isPresent()).toList();
    }

    public long count(Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }
}
