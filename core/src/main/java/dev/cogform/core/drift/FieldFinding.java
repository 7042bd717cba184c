package dev.cogform.core.drift;

import dev.cogform.core.model.DriftSeverity;
import dev.cogform.core.model.AppClientField;
import java.util.Objects;

/**
 * One difference of one client's field. {@code path} is the field's key in cogform.yaml (empty for the
 * whole client); {@code member} the set member added or removed ({@code ADD}/{@code REMOVE} of a set
 * field), else null. {@code expected} is the recorded value ({@link Comparison#RECORDED}) or the
 * cogform.yaml value ({@link Comparison#DESIRED}); {@code actual} the live one; both as
 * {@link AppClientField#get} returns them, or null. {@code rule} is the severity rule's id, such as
 * {@code callback-url-added}; {@code ignored} the ignore rule covering it, or null; {@code baseline}
 * null without {@code --baseline}.
 */
public record FieldFinding(Comparison comparison, AppClientField field, String path, DifferenceType type,
                           String member, Object expected, Object actual, DriftSeverity severity, String rule,
                           IgnoreMatch ignored, BaselineState baseline) {

    public FieldFinding {
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
    }

    /** Identifies the finding across runs (with its client's key): comparison, path, type, member. */
    public String key() {
        return comparison.word() + ":" + path + ":" + type.name() + (member == null ? "" : ":" + member);
    }

    /** What must stay equal for the finding to be {@code unchanged}: its key and live value. */
    public String fingerprint() {
        return key() + "=" + (member != null ? "" : String.valueOf(actual)) + "<-" + (member != null ? "" : String.valueOf(expected));
    }

    public boolean isIgnored() {
        return ignored != null;
    }

    FieldFinding withIgnored(IgnoreMatch match) {
        return new FieldFinding(comparison, field, path, type, member, expected, actual, severity, rule, match, baseline);
    }

    FieldFinding withBaseline(BaselineState state) {
        return new FieldFinding(comparison, field, path, type, member, expected, actual, severity, rule, ignored, state);
    }
}
