package dev.cogform.core.live.cognito;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an {@link SdkCognitoGateway} sent since it was made: requests per (operation, pool), how many
 * of them Cognito answered with {@code TooManyRequestsException}, and how many calls failed for
 * good (after retries; "not found" answers the gateway turns into a result are not failures).
 * A snapshot; the gateway keeps counting.
 */
public record GatewayMetrics(List<Requests> requests, long failedCalls) {

    public GatewayMetrics {
        requests = List.copyOf(requests);
    }

    /**
     * Requests of one operation on one pool ({@code poolId} null for pool-less operations), with the
     * operation's quota category ({@code USER_POOL_CLIENT_READ}, ...). {@code sent} counts every
     * attempt, retries included; {@code throttled} those answered with TooManyRequests.
     */
    public record Requests(String operation, String category, String poolId, long sent, long throttled) {

        /** The requests Cognito let through its quotas (a throttled request takes no quota). */
        public long admitted() {
            return sent - throttled;
        }
    }

    public long sent() {
        return requests.stream().mapToLong(Requests::sent).sum();
    }

    public long throttled() {
        return requests.stream().mapToLong(Requests::throttled).sum();
    }

    /** Requests sent per operation (Cognito's API name), sorted by name. */
    public Map<String, Long> sentByOperation() {
        Map<String, Long> out = new TreeMap<>();
        requests.forEach(r -> out.merge(r.operation(), r.sent(), Long::sum));
        return out;
    }
}
