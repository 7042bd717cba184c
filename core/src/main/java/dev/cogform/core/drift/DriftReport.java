package dev.cogform.core.drift;

import dev.cogform.core.model.DriftSeverity;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.diag.ExitCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The result of one {@code cogform drift} run over one or more stacks; every format renders exactly
 * this. {@code baselined} says whether {@code --baseline} was given (findings then carry a
 * {@link BaselineState}); {@code failOn} is the severity from which drift fails the run;
 * {@code diagnostics} are those of the run itself (the ignore file).
 */
public record DriftReport(String formatVersion, String toolVersion, Instant generatedAt, boolean baselined,
                          DriftSeverity failOn, List<StackReport> stacks, List<Diagnostic> diagnostics) {

    /** The JSON format's version; minor bumps add members, major bumps break. */
    public static final String FORMAT_VERSION = "1.0";

    public DriftReport {
        stacks = List.copyOf(stacks);
        diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> allDiagnostics() {
        List<Diagnostic> out = new ArrayList<>(diagnostics);
        stacks.forEach(s -> out.addAll(s.diagnostics()));
        return out;
    }

    public long count(Status status) {
        return stacks.stream().mapToLong(s -> s.count(status)).sum()
                + (status == Status.UNMANAGED ? stacks.stream().mapToLong(s -> s.unmanaged().size()).sum() : 0);
    }

    /** Every finding that is drift (not ignored, not a failure to check), highest severity first. */
    public List<Notable> drift() {
        List<Notable> out = new ArrayList<>();
        for (StackReport s : stacks) {
            for (ClientFinding c : s.clients()) {
                if (c.status() == Status.DELETED) {
                    out.add(new Notable(s.stack(), c.key(), c.address().toString(),
                            "client " + c.clientId() + " was deleted outside cogform", c.severity(), c.baseline()));
                }
                for (FieldFinding f : c.fields()) {
                    if (!f.isIgnored()) {
                        out.add(new Notable(s.stack(), c.address() + ":" + f.key(), c.address().toString(),
                                Findings.summary(f), f.severity(), f.baseline()));
                    }
                }
            }
            for (UnmanagedFinding u : s.unmanaged()) {
                out.add(new Notable(s.stack(), u.key(), u.poolKey() == null ? u.poolId() : u.poolKey(),
                        Findings.summary(u), u.severity(), u.baseline()));
            }
            for (ResolvedFinding r : s.resolved()) {
                out.add(new Notable(s.stack(), r.id(), r.address(), r.summary(), r.severity(), BaselineState.RESOLVED));
            }
        }
        out.sort(Comparator.comparing(Notable::severity).reversed().thenComparing(Notable::stack)
                .thenComparing(Notable::id));
        return out;
    }

    /** What to notify and fail on: all drift, or with a baseline only what is new, changed or resolved. */
    public List<Notable> news() {
        return drift().stream().filter(n -> !baselined || (n.baseline() != null && n.baseline().news())).toList();
    }

    public Optional<DriftSeverity> maxSeverity() {
        return drift().stream().filter(n -> n.baseline() != BaselineState.RESOLVED).map(Notable::severity)
                .max(Comparator.naturalOrder());
    }

    /** Whether a client could not be checked or an error was diagnosed: such a run never exits 0. */
    public boolean incomplete() {
        return count(Status.NOT_CHECKED) > 0 || allDiagnostics().stream().anyMatch(Diagnostic::isError);
    }

    /** 1 when incomplete; else 2 when news reaches {@code failOn}; else 0. */
    public int exitCode() {
        if (incomplete()) {
            return ExitCode.ERROR;
        }
        return news().stream().anyMatch(n -> n.severity().atLeast(failOn)) ? ExitCode.CHANGES : ExitCode.OK;
    }
}
