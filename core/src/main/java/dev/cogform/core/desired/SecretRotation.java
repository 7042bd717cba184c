package dev.cogform.core.desired;

/**
 * {@code secret_rotation}: add a new client secret once the newest is {@code everySeconds} old, and
 * delete the older one once the new one has been the newest for {@code overlapSeconds}, so consumers
 * have that long to switch. Cognito keeps at most two secrets per client.
 */
public record SecretRotation(long everySeconds, long overlapSeconds) {

    public SecretRotation {
        if (everySeconds <= 0 || overlapSeconds < 0) {
            throw new IllegalArgumentException("every must be positive and overlap not negative");
        }
    }
}
