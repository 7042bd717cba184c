package dev.cogform.core.live.cognito;

import dev.cogform.core.live.RetryReports;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Says when the AWS SDK tries a request again, so a server that does not answer shows as
 * {@code waiting for http://127.0.0.1:9000 (attempt 2 of 4)…} instead of silence. Add it to an SDK
 * client's override configuration; it counts the attempts of each call (the SDK calls
 * {@code beforeTransmission} once per attempt) and reports from the second one on. The engine prints
 * nothing itself: the lines go to the listener given, or to {@link RetryReports}.
 */
public final class RetryProgress implements ExecutionInterceptor {

    private static final ExecutionAttribute<Integer> ATTEMPT = new ExecutionAttribute<>("cogform.RetryProgress.attempt");

    private final IntSupplier maxAttempts;
    private final Consumer<String> out;

    /**
     * Reports to the process's listener ({@link RetryReports}); {@code maxAttempts} is the client's retry
     * strategy's (0 or less: unknown).
     */
    public RetryProgress(IntSupplier maxAttempts) {
        this(maxAttempts, RetryReports::report);
    }

    public RetryProgress(IntSupplier maxAttempts, Consumer<String> out) {
        this.maxAttempts = maxAttempts;
        this.out = out;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Integer previous = attributes.getAttribute(ATTEMPT);
        int attempt = previous == null ? 1 : previous + 1;
        attributes.putAttribute(ATTEMPT, attempt);
        if (attempt > 1) {
            int max = maxAttempts.getAsInt();
            out.accept(String.format(Locale.ROOT, "waiting for %s (attempt %d%s)…", endpoint(context.httpRequest()),
                    attempt, max > 0 ? " of " + max : ""));
        }
    }

    /** {@code scheme://host[:port]}, the port left out when it is the scheme's default. */
    static String endpoint(SdkHttpRequest request) {
        String scheme = request.protocol();
        int port = request.port();
        boolean standard = port < 0 || "https".equals(scheme) && port == 443 || "http".equals(scheme) && port == 80;
        return scheme + "://" + request.host() + (standard ? "" : ":" + port);
    }
}
