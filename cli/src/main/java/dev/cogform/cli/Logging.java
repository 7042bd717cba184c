package dev.cogform.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.nio.file.Path;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The diagnostic log of one run, configured in code (no XML to parse at startup): cogform's own loggers
 * at the chosen level, to standard error or a file; the AWS SDK's loggers only at {@code trace}; every
 * other library (HTTP clients and their wire logs, which would carry request and response bodies and
 * so client secrets) never.
 */
final class Logging {

    private static final String COGFORM = "dev.cogform";
    private static final String AWS_SDK = "software.amazon.awssdk";
    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{0} - %msg%n";

    private Logging() {
    }

    /**
     * Sends the log at {@code level} to {@code file} (appending; null: standard error) until {@link #stop()}.
     * Fails with an {@link IllegalArgumentException} when the file cannot be written.
     */
    static synchronized void start(LogLevel level, Path file) {
        LoggerContext context = context();
        if (context == null) {
            return; // another SLF4J backend is in charge (an embedding application's); leave it be
        }
        quiet(context);
        if (level == LogLevel.OFF) {
            return;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender;
        if (file == null) {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setTarget("System.err");
            appender = console;
        } else {
            FileAppender<ILoggingEvent> toFile = new FileAppender<>();
            toFile.setFile(file.toAbsolutePath().toString());
            toFile.setAppend(true);
            appender = toFile;
        }
        appender.setContext(context);
        appender.setName("cogform");
        appender.setEncoder(encoder);
        appender.start();
        if (!appender.isStarted()) {
            quiet(context);
            throw new IllegalArgumentException("cannot write the log file " + file);
        }
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        context.getLogger(COGFORM).setLevel(level.logback());
        context.getLogger(AWS_SDK).setLevel(level == LogLevel.TRACE ? Level.TRACE : Level.OFF);
    }

    /** Ends the run's log: flushes and closes its file, and silences everything again. */
    static synchronized void stop() {
        LoggerContext context = context();
        if (context != null) {
            quiet(context);
        }
    }

    private static LoggerContext context() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        return factory instanceof LoggerContext context ? context : null;
    }

    private static void quiet(LoggerContext context) {
        context.reset();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
    }

    /**
     * Logback's configuration before a run chooses one: nothing logged, as the CLI printed before it had
     * a log (Logback's own default would print the SDK's debug output). Registered in
     * {@code META-INF/services}. A {@code logback-test.xml} on the class path (tests) still applies.
     */
    public static final class Defaults extends ContextAwareBase implements Configurator {

        @Override
        public ExecutionStatus configure(LoggerContext context) {
            if (Thread.currentThread().getContextClassLoader() != null
                    && Thread.currentThread().getContextClassLoader().getResource("logback-test.xml") != null) {
                return ExecutionStatus.INVOKE_NEXT_IF_ANY;
            }
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
            return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
        }
    }
}
