package dev.cogform.core.drift;

/** The drift status of one client, after CloudFormation's vocabulary. */
public enum Status {
    /** Live matches the last applied state and cogform.yaml. */
    IN_SYNC,
    /** Some fields differ; each {@link FieldFinding} says which comparison found it. Apply reverts them. */
    MODIFIED,
    /** The client was deleted outside cogform; apply re-creates it (with a new client id). */
    DELETED,
    /** The client could not be read (throttled, access denied, pool not found, timeout); nothing is known. */
    NOT_CHECKED,
    /** Every difference found is covered by an ignore rule; the rule's reason is reported. */
    IGNORED,
    /** A live client in a managed pool that no address manages; reported, never changed. */
    UNMANAGED;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
