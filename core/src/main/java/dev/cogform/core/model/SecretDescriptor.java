package dev.cogform.core.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One client secret as ListUserPoolClientSecrets describes it: its id and creation date, never its
 * value. What the state records and the planner ages secrets by.
 */
public record SecretDescriptor(String id, Instant created) {

    /** Oldest first; ties by id, so the order never depends on how Cognito listed them. */
    public static final Comparator<SecretDescriptor> ORDER = Comparator.comparing(SecretDescriptor::created)
            .thenComparing(SecretDescriptor::id);

    public SecretDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
    }

    /** {@code secrets} oldest first. */
    public static List<SecretDescriptor> sorted(List<SecretDescriptor> secrets) {
        return secrets.stream().sorted(ORDER).toList();
    }
}
