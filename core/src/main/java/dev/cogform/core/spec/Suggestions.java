package dev.cogform.core.spec;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean …?": the closest candidate by edit distance, when it is close enough to be a typo. */
public final class Suggestions {

    private Suggestions() {
    }

    /** The candidate nearest to {@code input}, or null when none is within a typo's distance. */
    public static String closest(String input, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String in = input.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(in, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        // A third of the word (at least 2 edits) still reads as a typo; more is a different word.
        return best != null && bestDistance <= Math.max(2, input.length() / 3) ? best : null;
    }

    /** Levenshtein distance with two rows. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
