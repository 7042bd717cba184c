package dev.cogform.cli.command;

import dev.cogform.core.model.Durations;
import dev.cogform.core.state.StateLock;
import dev.cogform.core.state.StateStore;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The option of every command that locks the state: {@code --lock-timeout DURATION} (default 0s:
 * fail at once when another run holds the lock). Use as {@code @Mixin LockOptions lockOptions;}.
 */
public final class LockOptions {

    @Option(names = "--lock-timeout", paramLabel = "DURATION", defaultValue = "0s", converter = DurationConverter.class,
            description = "How long to wait for the state lock held by another run, like 30s or 5m"
                    + " (default: ${DEFAULT-VALUE}, fail at once).")
    private Duration lockTimeout = Duration.ZERO;

    /** How long to wait for the lock; zero means fail at once. */
    public Duration lockTimeout() {
        return lockTimeout;
    }

    /** Takes {@code store}'s lock for {@code operation}, waiting up to {@link #lockTimeout()}. */
    public StateLock lock(StateStore store, String operation) {
        return store.lock(operation, lockTimeout);
    }

    /** Parses cogform's duration syntax (a whole number and s, m, h or d), and a bare 0. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            if (value.equals("0")) {
                return Duration.ZERO; // no unit needed to say "do not wait"
            }
            try {
                return Duration.ofSeconds(Durations.parseSeconds(value));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
