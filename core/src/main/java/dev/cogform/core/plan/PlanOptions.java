package dev.cogform.core.plan;

import dev.cogform.core.model.ClientAddress;
import java.time.Instant;
import java.util.Set;

/**
 * How to plan: {@code targets} limits the plan to these addresses (empty: all); {@code createdAt} and
 * {@code toolVersion} are stamped into the plan, passed in so that planning stays a pure function; so is
 * {@code git}, the provenance the CLI read (null outside a repository). {@code rotateSecrets} are the
 * addresses of {@code --rotate-secret}, whose secret is rotated whatever its age ({@code createdAt} is
 * also the "now" secrets are aged against).
 */
public record PlanOptions(Set<ClientAddress> targets, Instant createdAt, String toolVersion, GitProvenance git,
                          Set<ClientAddress> rotateSecrets) {

    public PlanOptions {
        targets = Set.copyOf(targets);
        rotateSecrets = Set.copyOf(rotateSecrets);
    }

    /** Options with no rotation asked for. */
    public PlanOptions(Set<ClientAddress> targets, Instant createdAt, String toolVersion, GitProvenance git) {
        this(targets, createdAt, toolVersion, git, Set.of());
    }

    /** Options for a plan made outside git, with no rotation asked for. */
    public PlanOptions(Set<ClientAddress> targets, Instant createdAt, String toolVersion) {
        this(targets, createdAt, toolVersion, null);
    }

    public boolean inScope(ClientAddress address) {
        return targets.isEmpty() || targets.contains(address);
    }
}
