package dev.cogform.cli.command;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * POSTs one JSON message to a webhook, retrying with backoff on 5xx answers and transport failures.
 * Webhook URLs are secrets (the token is in the path): messages name only the scheme and host.
 */
final class Notifier {

    static final int ATTEMPTS = 4;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Duration firstBackoff;

    Notifier(Duration firstBackoff) {
        this.firstBackoff = firstBackoff;
    }

    /** Posts {@code json}; returns null when delivered, else why not (without the URL's path or query). */
    String post(URI url, String json) {
        String where = url.getScheme() + "://" + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        String last = null;
        Duration backoff = firstBackoff;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() / 100 == 2) {
                    return null;
                }
                last = where + " answered HTTP " + r.statusCode();
                if (r.statusCode() < 500) {
                    return last; // a 4xx will not change on retry
                }
            } catch (IOException e) {
                last = "cannot reach " + where + " (" + (e instanceof java.net.ConnectException ? "connection refused"
                        : e instanceof java.net.http.HttpTimeoutException ? "no answer in time"
                        : e.getMessage() != null ? e.getMessage() : "the connection failed") + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while notifying " + where;
            }
            if (attempt < ATTEMPTS) {
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return last;
                }
                backoff = backoff.multipliedBy(2);
            }
        }
        return last + " after " + ATTEMPTS + " attempts";
    }
}
