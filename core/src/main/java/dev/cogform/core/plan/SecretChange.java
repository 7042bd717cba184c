package dev.cogform.core.plan;

import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.model.SecretDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A planned step on a client's secrets ({@code secret_rotation} or {@code --rotate-secret}), apart from
 * the client's settings change. {@code seen} is the client's secrets as listed when planning, oldest
 * first: the applier lists them again first and adds nothing when they moved on (a crashed apply's
 * secret is taken, never a third one). {@code secretId} is the secret a {@link Kind#DELETE_OLD} deletes
 * (null for a rotation); {@code newestAge} is how old the newest secret was when planning. Never holds
 * a secret value.
 */
public record SecretChange(ClientAddress address, Kind kind, Reason reason, String poolId, String clientId,
                           List<SecretDescriptor> seen, String secretId, Duration newestAge) {

    /** What is done to the secrets. */
    public enum Kind {
        /** AddUserPoolClientSecret: a new secret becomes the newest; the old one stays for the overlap. */
        ROTATE,
        /** DeleteUserPoolClientSecret of the older secret, once the newest has been so for the overlap. */
        DELETE_OLD;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Why; for display only. */
    public enum Reason {
        /** The newest secret is at least {@code secret_rotation.every} old. */
        AGE,
        /** {@code --rotate-secret} asked for it, whatever the age. */
        REQUESTED,
        /** The newest secret has been the newest for {@code secret_rotation.overlap}. */
        OVERLAP_OVER;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public SecretChange {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(newestAge, "newestAge");
        seen = SecretDescriptor.sorted(seen);
        if ((kind == Kind.DELETE_OLD) != (secretId != null)) {
            throw new IllegalArgumentException("a delete-old names the secret it deletes; a rotation names none");
        }
    }

    /** Whole days, as the plan shows the age. */
    public long newestAgeDays() {
        return newestAge.toDays();
    }
}
