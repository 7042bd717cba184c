package dev.cogform.core.drift;

import dev.cogform.core.model.DriftSeverity;
import dev.cogform.core.diag.SourcePosition;
import dev.cogform.core.model.ClientAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One managed client's drift. {@code clientId} and {@code poolId} may be null for a client cogform.yaml
 * names but cogform never created. For {@link Status#NOT_CHECKED} {@code reason} and {@code detail} say
 * why; for {@link Status#DELETED} and {@code NOT_CHECKED}, {@code severity}, {@code rule} and
 * {@code baseline} describe the client-level finding (else they come from {@code fields}). {@code at}
 * is where cogform.yaml declares the client (null when only the state has it). {@code ignored} is an
 * ignore rule covering the whole client.
 */
public record ClientFinding(ClientAddress address, String poolId, String clientId, Status status,
                            NotCheckedReason reason, String detail, DriftSeverity severity, String rule,
                            IgnoreMatch ignored, BaselineState baseline, List<FieldFinding> fields,
                            SourcePosition at) {

    public ClientFinding {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(status, "status");
        fields = List.copyOf(fields);
    }

    /** Identifies the client-level finding across runs: the address and status. */
    public String key() {
        return address + ":" + status.word();
    }

    /** Whether the client itself is a finding (deleted, not checked), not only its fields. */
    public boolean clientLevel() {
        return status == Status.DELETED || status == Status.NOT_CHECKED
                || (status == Status.IGNORED && fields.isEmpty() && rule != null);
    }

    /** The highest severity of what counts: the client-level finding, else its fields not ignored. */
    public Optional<DriftSeverity> maxSeverity() {
        if (status == Status.DELETED || status == Status.NOT_CHECKED) {
            return Optional.ofNullable(severity);
        }
        return fields.stream().filter(f -> !f.isIgnored()).map(FieldFinding::severity).max(Comparator.naturalOrder());
    }

    ClientFinding with(Status s, List<FieldFinding> f, IgnoreMatch i, BaselineState b) {
        return new ClientFinding(address, poolId, clientId, s, reason, detail, severity, rule, i, b, f, at);
    }
}
