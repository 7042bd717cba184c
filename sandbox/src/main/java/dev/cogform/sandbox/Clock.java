package dev.cogform.sandbox;

/** Cognito's timestamps: fractional epoch seconds, millisecond precision. */
final class Clock {

    private Clock() {
    }

    static double epochSeconds() {
        return System.currentTimeMillis() / 1000.0;
    }
}
