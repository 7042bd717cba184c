package dev.cogform.core.drift;

import java.util.Locale;

/** How serious a finding is; drives {@code --fail-on}, SARIF levels and the Markdown order. */
public enum Severity {
    LOW, MEDIUM, HIGH;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** Parses {@code low|medium|high} (any case). */
    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("severity '" + text + "' is not one of low, medium, high");
        }
    }
}
