package dev.cogform.core.drift;

/** How a value differs, as CloudFormation's {@code PropertyDifference.DifferenceType}. */
public enum DifferenceType {
    /** A member was added to a set (or a client exists that should not yet). */
    ADD,
    /** A member was removed from a set (or a client is gone). */
    REMOVE,
    /** A scalar, duration or structure has another value. */
    NOT_EQUAL
}
