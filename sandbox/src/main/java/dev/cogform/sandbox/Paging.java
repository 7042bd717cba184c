package dev.cogform.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Cuts a listing into pages. The {@code NextToken} is opaque to clients: the base64 of the listing's
 * scope and the position key of the next item, so paging survives inserts and deletes between pages
 * when keys are stable (client sequence numbers), and a token from another listing is refused.
 */
final class Paging {

    record Page<T>(List<T> items, String nextToken) {
    }

    private Paging() {
    }

    /** The page of {@code items} (ordered by ascending {@code key}) starting at {@code nextToken}. */
    static <T> Page<T> page(List<T> items, ToLongFunction<T> key, int maxResults, String nextToken, String scope) {
        long from = nextToken == null ? Long.MIN_VALUE : decode(nextToken, scope);
        List<T> rest = items.stream().filter(i -> key.applyAsLong(i) >= from).toList();
        if (rest.size() <= maxResults) {
            return new Page<>(rest, null);
        }
        return new Page<>(rest.subList(0, maxResults), encode(scope, key.applyAsLong(rest.get(maxResults))));
    }

    private static String encode(String scope, long key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((scope + "\n" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String token, String scope) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int nl = text.lastIndexOf('\n');
            if (nl < 0 || !text.substring(0, nl).equals(scope)) {
                throw CognitoError.invalidParameter("Invalid pagination token: it belongs to another listing.");
            }
            return Long.parseLong(text.substring(nl + 1));
        } catch (IllegalArgumentException e) {
            throw CognitoError.invalidParameter("Invalid pagination token.");
        }
    }
}
