package dev.cogform.core.diag;

/** The process exit codes, as Terraform's {@code -detailed-exitcode} users expect them. */
public final class ExitCode {
    /** Done; for {@code plan --detailed-exitcode}: no changes. */
    public static final int OK = 0;
    /** An error: invalid input, a failed call, a held lock. */
    public static final int ERROR = 1;
    /** {@code plan --detailed-exitcode}: the plan has changes (drift counts). */
    public static final int CHANGES = 2;
    /** {@code apply FILE}: the saved plan is stale and was refused. */
    public static final int STALE_PLAN = 3;

    private ExitCode() {
    }
}
