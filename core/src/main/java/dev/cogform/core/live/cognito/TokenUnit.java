package dev.cogform.core.live.cognito;

/** Cognito's {@code TimeUnitsType}, with the length of each unit. */
enum TokenUnit {
    SECONDS("seconds", 1),
    MINUTES("minutes", 60),
    HOURS("hours", 3_600),
    DAYS("days", 86_400);

    private final String wire;
    private final long seconds;

    TokenUnit(String wire, long seconds) {
        this.wire = wire;
        this.seconds = seconds;
    }

    String wire() {
        return wire;
    }

    long seconds() {
        return seconds;
    }

    /**
     * The largest unit that expresses {@code seconds} exactly. Its value is then the smallest
     * possible, so a duration inside Cognito's range is always inside the unit's raw range too.
     */
    static TokenUnit exact(long seconds) {
        for (TokenUnit u : new TokenUnit[] {DAYS, HOURS, MINUTES}) {
            if (seconds != 0 && seconds % u.seconds == 0) {
                return u;
            }
        }
        return SECONDS;
    }

    /** The unit Cognito named, or {@code fallback} when it named none. */
    static TokenUnit parse(String wire, TokenUnit fallback) {
        if (wire == null) {
            return fallback;
        }
        for (TokenUnit u : values()) {
            if (u.wire.equals(wire)) {
                return u;
            }
        }
        throw new IllegalArgumentException("Cognito returned the token validity unit '" + wire
                + "', which this cogform version does not know");
    }
}
