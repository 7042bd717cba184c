package dev.cogform.core.diag;

import java.util.Comparator;
import java.util.Objects;

/**
 * One finding about the user's input or the world. {@code rule} is a stable id such as
 * {@code oauth.https-callback}; {@code path} the field path such as
 * {@code pools.main.clients.web.callback_urls[1]}; {@code at} and {@code hint} may be null.
 */
public record Diagnostic(Severity severity, String rule, String path, String message, String hint,
                         SourcePosition at) {

    /** Errors first within a position; positionless diagnostics last. */
    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing(Diagnostic::at, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::rule)
            .thenComparing(d -> d.path() == null ? "" : d.path());

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic error(String rule, String path, String message, String hint, SourcePosition at) {
        return new Diagnostic(Severity.ERROR, rule, path, message, hint, at);
    }

    public static Diagnostic warning(String rule, String path, String message, String hint, SourcePosition at) {
        return new Diagnostic(Severity.WARNING, rule, path, message, hint, at);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code cogform.yaml:12:9: error[oauth.https-callback]: message (hint: …)}. */
    public String format() {
        StringBuilder out = new StringBuilder();
        if (at != null) {
            out.append(at).append(": ");
        }
        out.append(severity.word()).append('[').append(rule).append("]: ").append(message);
        if (hint != null && !hint.isBlank()) {
            out.append(" (hint: ").append(hint).append(')');
        }
        return out.toString();
    }
}
