package dev.cogform.core.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The duration syntax of {@code cogform.yaml}: a whole number and one unit of s, m, h or d. */
public final class Durations {

    private static final Pattern SYNTAX = Pattern.compile("([0-9]{1,12})([smhd])");

    private Durations() {
    }

    /** Seconds in {@code text} such as {@code 30d}; fails with a message showing the expected form. */
    public static long parseSeconds(String text) {
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration; write a whole number and a unit s, m, h or d, like 30m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        return n * unitSeconds(m.group(2).charAt(0));
    }

    /** The shortest exact form: 3600 → {@code 1h}, 90 → {@code 90s}, 0 → {@code 0s}. */
    public static String format(long seconds) {
        if (seconds != 0) {
            for (char unit : new char[] {'d', 'h', 'm'}) {
                if (seconds % unitSeconds(unit) == 0) {
                    return seconds / unitSeconds(unit) + String.valueOf(unit);
                }
            }
        }
        return seconds + "s";
    }

    private static long unitSeconds(char unit) {
        return switch (unit) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3_600;
            case 'd' -> 86_400;
            default -> throw new IllegalArgumentException("unit " + unit);
        };
    }
}
