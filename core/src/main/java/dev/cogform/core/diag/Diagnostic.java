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

    /** Messages and hints longer than this lose their middle: a 3 MB value is not echoed whole. */
    public static final int MAX_TEXT = 600;

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        message = elide(message);
        hint = hint == null ? null : elide(hint);
    }

    /** {@code text} with its middle replaced by a count when it is longer than {@link #MAX_TEXT}. */
    static String elide(String text) {
        if (text.length() <= MAX_TEXT) {
            return text;
        }
        int head = MAX_TEXT / 2;
        int tail = text.length() - MAX_TEXT / 3;
        if (Character.isHighSurrogate(text.charAt(head - 1))) {
            head--;
        }
        if (Character.isLowSurrogate(text.charAt(tail))) {
            tail++;
        }
        return text.substring(0, head) + "…(" + (tail - head) + " characters left out)…" + text.substring(tail);
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
