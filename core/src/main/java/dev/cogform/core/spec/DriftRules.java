package dev.cogform.core.spec;

import dev.cogform.core.spec.Rule.Stage;
import java.util.List;

/**
 * The ids of what {@code cogform drift} reports besides findings: its ignore file, and stacks or clients it
 * could not check. Named here so that the docs list them with the other rules.
 */
public final class DriftRules {

    /** The ignore file is not YAML of the documented shape. */
    public static final Rule IGNORE_SYNTAX = Rule.error("ignore.syntax", Stage.DRIFT,
            "The ignore file is a YAML mapping with a rules: list (and optional severities:), as docs/drift.md shows.");
    /** An ignore rule or severity names a key the ignore file does not have. */
    public static final Rule IGNORE_UNKNOWN_KEY = Rule.error("ignore.unknown-key", Stage.DRIFT,
            "Every key of an ignore rule is one of id, address, stack, fields, reason, owner, expires.");
    /** An ignore rule or severity override names a field or rule id that does not exist. */
    public static final Rule IGNORE_UNKNOWN_FIELD = Rule.error("ignore.unknown-field", Stage.DRIFT,
            "Every field an ignore rule or severity names is a client field key or a drift rule id.");
    /** An ignore rule lacks a required key. */
    public static final Rule IGNORE_MISSING = Rule.error("ignore.missing", Stage.DRIFT,
            "Every ignore rule has an address, a reason, an owner and an expires date.");
    /** An ignore rule is past its expiry date: it ignores nothing until renewed or removed. */
    public static final Rule IGNORE_EXPIRED = Rule.error("ignore.expired", Stage.DRIFT,
            "An ignore rule is renewed or removed by its expires date.");
    /** An ignore rule matched no finding: the drift it covered may be gone. */
    public static final Rule IGNORE_UNMATCHED = Rule.warning("ignore.unmatched", Stage.DRIFT,
            "Every ignore rule matches a finding; one that matches nothing can go.");
    /** The account of a stack could not be found (STS), so it could not join its account-region's budget. */
    public static final Rule ACCOUNT_UNKNOWN = Rule.error("drift.account-unknown", Stage.DRIFT,
            "The account of every stack can be found (STS GetCallerIdentity), to share its account-region's quota.");
    /** Checking a stack failed as a whole; its clients are not checked. */
    public static final Rule STACK_FAILED = Rule.error("drift.stack-failed", Stage.DRIFT,
            "Every stack can be checked: its state and its pools can be read.");
    /** An unmanaged client could not be described: it is reported without creation date and secret. */
    public static final Rule UNMANAGED_UNREAD = Rule.warning("drift.unmanaged-unread", Stage.DRIFT,
            "Every unmanaged client can be described, for its creation date and whether it has a secret.");
    /** The state store warned while it was read (for example, a lock it could not inspect). */
    public static final Rule STATE_WARNING = Rule.warning("state.warning", Stage.DRIFT,
            "Reading the state raises no warning.");

    private DriftRules() {
    }

    /** These rules, in the order the docs list them. */
    public static List<Rule> all() {
        return List.of(IGNORE_SYNTAX, IGNORE_UNKNOWN_KEY, IGNORE_UNKNOWN_FIELD, IGNORE_MISSING, IGNORE_EXPIRED,
                IGNORE_UNMATCHED, ACCOUNT_UNKNOWN, STACK_FAILED, UNMANAGED_UNREAD, STATE_WARNING);
    }
}
