package dev.cogform.core.drift;

import dev.cogform.core.model.AppClientField;
import dev.cogform.core.model.Durations;
import dev.cogform.core.model.StructMember;

/** One-line summaries of findings, shared by notifications, baselines and every format. */
public final class Findings {

    private Findings() {
    }

    /** Such as {@code callback_urls: "http://x" added (changed outside cogform)}. */
    public static String summary(FieldFinding f) {
        String what;
        if (f.path().isEmpty()) {
            what = f.type() == DifferenceType.ADD ? "in cogform.yaml but not created" : "removed from cogform.yaml but still live";
        } else if (f.member() != null) {
            what = f.path() + ": \"" + f.member() + "\" " + (f.type() == DifferenceType.ADD ? "added" : "removed");
        } else {
            what = f.path() + ": " + show(f, f.expected()) + " -> " + show(f, f.actual());
        }
        return what + " (" + f.comparison().label() + ")";
    }

    public static String summary(UnmanagedFinding u) {
        return "unmanaged client \"" + u.name() + "\" (" + u.clientId() + ") in pool " + u.poolId()
                + (Boolean.TRUE.equals(u.secret()) && Boolean.TRUE.equals(u.clientCredentials())
                        ? ", with a secret and client_credentials" : "");
    }

    /** A value of the finding's field, or of its struct member, for people: as {@link #show(AppClientField, Object)}. */
    public static String show(FieldFinding f, Object value) {
        boolean duration = f.field() != null && f.field().member(f.path()).map(StructMember::duration).orElse(false);
        return duration && value instanceof Number n ? Durations.format(n.longValue()) : show(f.field(), value);
    }

    /** A value for people: durations as {@code 30m}, strings quoted, sets as lists. */
    public static String show(AppClientField field, Object value) {
        if (value == null) {
            return "(none)";
        }
        if (field != null && field.kind() == AppClientField.Kind.DURATION && value instanceof Number n) {
            return Durations.format(n.longValue());
        }
        if (value instanceof String s) {
            return '"' + s + '"';
        }
        return String.valueOf(value);
    }
}
