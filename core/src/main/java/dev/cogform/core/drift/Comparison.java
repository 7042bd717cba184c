package dev.cogform.core.drift;

/** Which two sides a finding compares; reports label them apart. */
public enum Comparison {
    /** Live vs the last applied state: someone changed it outside cogform. */
    RECORDED("changed outside cogform"),
    /** Live vs cogform.yaml where the state agrees with live: a change not yet applied. */
    DESIRED("not yet applied");

    private final String label;

    Comparison(String label) {
        this.label = label;
    }

    /** For people: "changed outside cogform" or "not yet applied". */
    public String label() {
        return label;
    }

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
