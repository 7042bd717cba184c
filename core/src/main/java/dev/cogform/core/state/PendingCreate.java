package dev.cogform.core.state;

import dev.cogform.core.model.ClientAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A create about to be sent, recorded before the call. If the run dies before the client id is
 * saved, the next plan adopts the live client with this pool and name created after {@code at}.
 *
 * <p>{@code at} is when the create was sent; {@code timeout} is the longest the request could stay
 * open (the gateway's call timeout) and {@code margin} how long Cognito may still take to carry out a
 * request whose caller gave up. Until {@link #answerBy()} a create that has left no client behind is in
 * doubt: it may still land, so it is neither forgotten nor sent again.
 */
public record PendingCreate(ClientAddress address, String poolId, String clientName, Instant at, Duration timeout,
                            Duration margin) {

    /** What an intent recorded without a timeout (by an older cogform) is given: the gateway's call timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    /** How long a request may still be carried out after its caller stopped waiting for the answer. */
    public static final Duration DEFAULT_MARGIN = Duration.ofSeconds(60);

    public PendingCreate {
        Objects.requireNonNull(at, "at");
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        margin = margin == null ? DEFAULT_MARGIN : margin;
    }

    /** An intent with the default timeout and margin. */
    public PendingCreate(ClientAddress address, String poolId, String clientName, Instant at) {
        this(address, poolId, clientName, at, DEFAULT_TIMEOUT, DEFAULT_MARGIN);
    }

    /** After this instant the create can no longer land: if no client carries its name, none will. */
    public Instant answerBy() {
        return at.plus(timeout).plus(margin);
    }
}
