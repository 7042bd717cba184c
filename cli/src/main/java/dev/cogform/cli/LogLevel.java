package dev.cogform.cli;

import ch.qos.logback.classic.Level;
import java.util.Arrays;
import java.util.Locale;

/**
 * How much the diagnostic log says ({@code --log-level}, {@code COGFORM_LOG}). {@code info}: state writes
 * and lock events; {@code debug}: also every Cognito call and state read; {@code trace}: also the AWS
 * SDK's own log. {@code off} writes nothing, as without the option.
 */
public enum LogLevel {
    OFF(Level.OFF), ERROR(Level.ERROR), WARN(Level.WARN), INFO(Level.INFO), DEBUG(Level.DEBUG), TRACE(Level.TRACE);

    private final Level logback;

    LogLevel(Level logback) {
        this.logback = logback;
    }

    Level logback() {
        return logback;
    }

    /** The level named {@code name} in any case; fails naming the accepted names. */
    public static LogLevel parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' is not a log level; use "
                    + String.join(", ", Arrays.stream(values()).map(LogLevel::toString).toList()));
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
