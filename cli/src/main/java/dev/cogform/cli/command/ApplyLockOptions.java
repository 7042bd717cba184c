package dev.cogform.cli.command;

import dev.cogform.core.model.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --lock-timeout}. PLACEHOLDER for the state module's {@code LockOptions} mixin, which replaces
 * it on merge; kept to the one option plan and apply need.
 */
public final class ApplyLockOptions {

    @Option(names = "--lock-timeout", paramLabel = "DURATION", defaultValue = "0s", converter = DurationConverter.class,
            description = "How long to wait for the state lock, like 30s or 2m (default: fail at once).")
    Duration lockTimeout = Duration.ZERO;

    public Duration timeout() {
        return lockTimeout;
    }

    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Duration.ofSeconds(Durations.parseSeconds(value));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
