package dev.cogform.core.plan;

import dev.cogform.core.model.ClientAddress;
import java.time.Instant;
import java.util.Set;

/**
 * How to plan: {@code targets} limits the plan to these addresses (empty: all); {@code createdAt} and
 * {@code toolVersion} are stamped into the plan, passed in so that planning stays a pure function.
 */
public record PlanOptions(Set<ClientAddress> targets, Instant createdAt, String toolVersion) {

    public PlanOptions {
        targets = Set.copyOf(targets);
    }

    public boolean inScope(ClientAddress address) {
        return targets.isEmpty() || targets.contains(address);
    }
}
