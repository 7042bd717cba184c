package dev.cogform.core.live;

import java.util.Set;
import java.util.TreeSet;

/**
 * A user pool's attribute schema as DescribeUserPool's {@code SchemaAttributes} gives it: every
 * attribute name (custom ones with their {@code custom:} prefix) and which of them are required.
 *
 * @param attributes every attribute of the pool
 * @param required   the required ones; a subset of {@code attributes}
 */
public record PoolSchema(Set<String> attributes, Set<String> required) {

    /** Always required, never writable: Cognito's own user id, not a client permission. */
    public static final String SUB = "sub";

    public PoolSchema {
        attributes = Set.copyOf(attributes);
        required = Set.copyOf(required);
    }

    /** Whether the pool has the attribute, by its client-permission name ({@code email}, {@code custom:tenant}). */
    public boolean has(String attribute) {
        return attributes.contains(attribute);
    }

    /** The required attributes a client can be given write permission for: all but {@code sub}, sorted. */
    public Set<String> requiredWritable() {
        Set<String> out = new TreeSet<>(required);
        out.remove(SUB);
        return out;
    }
}
