package dev.cogform.cli.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RefreshProgressViewTest {

    @Test
    void terminal_rewritesOneLine_andEndsIt() {
        StringWriter err = new StringWriter();
        RefreshProgressView view = new RefreshProgressView(new PrintWriter(err), true, Clock.systemUTC());

        view.onProgress(1, 3);
        view.onProgress(2, 3);
        view.onProgress(3, 3);

        assertThat(err.toString()).isEqualTo("\rRefreshing 1/3 clients\u2026\rRefreshing 2/3 clients\u2026"
                + "\rRefreshing 3/3 clients\u2026\n");
    }

    @Test
    void terminal_aRetryLine_getsALineOfItsOwn_andTheProgressLineIsDrawnAgainBelowIt() {
        StringWriter err = new StringWriter();
        RefreshProgressView view = new RefreshProgressView(new PrintWriter(err), true, Clock.systemUTC());

        view.onProgress(1, 2);
        view.note("waiting for http://127.0.0.1:9000 (attempt 2 of 3)\u2026");
        view.onProgress(2, 2);
        view.note("waiting for http://127.0.0.1:9000 (attempt 3 of 3)\u2026");

        assertThat(err.toString()).isEqualTo("\rRefreshing 1/2 clients\u2026\n"
                + "waiting for http://127.0.0.1:9000 (attempt 2 of 3)\u2026\n"
                + "\rRefreshing 1/2 clients\u2026\rRefreshing 2/2 clients\u2026\n"
                + "waiting for http://127.0.0.1:9000 (attempt 3 of 3)\u2026\n");
    }

    @Test
    void log_printsALineEveryFewSeconds_andTheLast() {
        AtomicLong seconds = new AtomicLong();
        Clock clock = new Clock() {
            public ZoneId getZone() { return ZoneOffset.UTC; }
            public Clock withZone(ZoneId zone) { return this; }
            public Instant instant() { return Instant.ofEpochSecond(seconds.get()); }
        };
        StringWriter err = new StringWriter();
        RefreshProgressView view = new RefreshProgressView(new PrintWriter(err), false, clock);

        view.onProgress(1, 1000);
        seconds.set(2);
        view.onProgress(240, 1000);
        seconds.set(5);
        view.onProgress(500, 1000);
        seconds.set(6);
        view.onProgress(1000, 1000);

        assertThat(err.toString().lines()).containsExactly("Refreshing 1/1000 clients\u2026",
                "Refreshing 500/1000 clients\u2026", "Refreshing 1000/1000 clients\u2026");
    }

    @Test
    void terminal_dropsALateReport_afterTheLastOne() {
        StringWriter err = new StringWriter();
        RefreshProgressView view = new RefreshProgressView(new PrintWriter(err), true, Clock.systemUTC());

        view.onProgress(1, 3);
        view.onProgress(3, 3);
        view.onProgress(2, 3);
        view.end();
        err.write("Provider: the cogform sandbox");

        assertThat(err.toString()).isEqualTo("\rRefreshing 1/3 clients\u2026\rRefreshing 3/3 clients\u2026\n"
                + "Provider: the cogform sandbox");
    }

    @Test
    void terminal_dropsACountLowerThanOneShown() {
        StringWriter err = new StringWriter();
        RefreshProgressView view = new RefreshProgressView(new PrintWriter(err), true, Clock.systemUTC());

        view.onProgress(2, 4);
        view.onProgress(1, 4);

        assertThat(err.toString()).isEqualTo("\rRefreshing 2/4 clients\u2026");
    }

    @Test
    void end_closesAnOpenLine_once() {
        StringWriter err = new StringWriter();
        RefreshProgressView view = new RefreshProgressView(new PrintWriter(err), true, Clock.systemUTC());

        view.onProgress(1, 3);
        view.end();
        view.end();
        view.onProgress(2, 3);

        assertThat(err.toString()).isEqualTo("\rRefreshing 1/3 clients\u2026\n");
    }
}
