package dev.cogform.core.plan;

import dev.cogform.core.model.AppClientField;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One field whose value differs. Values are what {@link AppClientField#get} returns: a String, Boolean,
 * Long (seconds), sorted Set or record; either may be null. {@code impliedReset} marks a field that
 * returns to Cognito's default because cogform.yaml leaves it at the default.
 */
public record AttributeDiff(AppClientField field, Object before, Object after, boolean impliedReset) {

    public AttributeDiff {
        Objects.requireNonNull(field, "field");
    }

    public AttributeDiff(AppClientField field, Object before, Object after) {
        this(field, before, after, false);
    }

    /** The fields that differ between two settings, in {@link AppClientField} order, skipping {@code skip}. */
    public static java.util.List<AttributeDiff> between(dev.cogform.core.model.AppClientSettings before,
                                                        dev.cogform.core.model.AppClientSettings after,
                                                        Set<AppClientField> skip) {
        java.util.List<AttributeDiff> out = new java.util.ArrayList<>();
        for (AppClientField f : AppClientField.values()) {
            Object b = f.get(before);
            Object a = f.get(after);
            if (!skip.contains(f) && !Objects.equals(b, a)) {
                out.add(new AttributeDiff(f, b, a));
            }
        }
        return out;
    }

    /** Elements a set field gains; empty for other kinds. */
    public SortedSet<String> added() {
        return minus(after, before);
    }

    /** Elements a set field loses; empty for other kinds. */
    public SortedSet<String> removed() {
        return minus(before, after);
    }

    /** Whether changing this field needs a new client. */
    public boolean forcesReplacement() {
        return field.createOnly();
    }

    private SortedSet<String> minus(Object from, Object other) {
        SortedSet<String> out = new TreeSet<>();
        if (field.kind() == AppClientField.Kind.SET && from instanceof Collection<?> c) {
            c.forEach(e -> out.add(String.valueOf(e)));
            if (other instanceof Set<?> o) {
                o.forEach(e -> out.remove(String.valueOf(e)));
            }
        }
        return out;
    }
}
