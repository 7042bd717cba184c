package dev.cogform.core.diag;

/** How bad a diagnostic is: an error stops the command, a warning does not. */
public enum Severity {
    ERROR, WARNING;

    /** The lower-case word used in output: {@code error} or {@code warning}. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
