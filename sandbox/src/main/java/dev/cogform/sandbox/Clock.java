package dev.cogform.sandbox;

/** Cognito's timestamps: fractional epoch seconds, millisecond precision, from the options' clock. */
final class Clock {

    private final java.time.Clock source;

    Clock(java.time.Clock source) {
        this.source = source;
    }

    double epochSeconds() {
        return source.millis() / 1000.0;
    }
}
