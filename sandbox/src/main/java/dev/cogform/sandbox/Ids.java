package dev.cogform.sandbox;

import java.security.SecureRandom;

/** Identifiers and secrets in Cognito's shapes: client ids of 26 and secrets of 51 {@code [a-z0-9]}. */
final class Ids {

    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String MIXED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    static String clientId() {
        return random(LOWER, 26);
    }

    static String clientSecret() {
        return random(LOWER, 51);
    }

    /**
     * A client secret's id. Cognito's id format is not documented; this one is the client id, a dash
     * and a sequence number, unique per sandbox and readable in tests.
     */
    static String secretId(String clientId, long seq) {
        return clientId + "-" + seq;
    }

    /** {@code <region>_<9 letters and digits>}, as {@code us-east-1_AbC123xYz}. */
    static String poolId(String region) {
        return region + "_" + random(MIXED, 9);
    }

    private static String random(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
