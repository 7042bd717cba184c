package dev.cogform.cli.view;

import dev.cogform.core.refresh.RefreshListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code Refreshing 240/1000 clients…}: one line rewritten in place on a terminal; otherwise (CI logs)
 * a new line at most every few seconds, and always the last one. Workers report out of order, so a
 * count lower than one already shown is dropped, and nothing is written once the last one was.
 */
public final class RefreshProgressView implements RefreshListener {

    static final Duration LOG_EVERY = Duration.ofSeconds(5);

    private final PrintWriter err;
    private final boolean terminal;
    private final Clock clock;
    private Instant last;
    private int shown;
    private boolean finished;
    private boolean lineOpen;
    private String current = "";

    public RefreshProgressView(PrintWriter err, boolean terminal, Clock clock) {
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
    }

    @Override
    public synchronized void onProgress(int done, int total) {
        if (finished || done < shown) {
            return; // a worker that counted earlier reports late; the line already shows more
        }
        shown = done;
        String line = "Refreshing " + done + "/" + total + " clients\u2026";
        finished = done >= total;
        if (terminal) {
            err.print("\r" + line + (finished ? "\n" : ""));
            lineOpen = !finished;
            current = line;
            err.flush();
            return;
        }
        Instant now = clock.instant();
        if (finished || last == null || !now.isBefore(last.plus(LOG_EVERY))) {
            err.println(line);
            err.flush();
            last = now;
        }
    }

    /**
     * Prints {@code line} (a retry's {@code waiting for …}) on a line of its own: an open progress line
     * is ended first and drawn again below it, so that the two never share a line.
     */
    public synchronized void note(String line) {
        if (lineOpen) {
            err.println();
        }
        err.println(line);
        if (lineOpen) {
            err.print("\r" + current);
        }
        err.flush();
    }

    /**
     * Ends the progress line if one is still open (a refresh that stopped early), so that what prints
     * next starts on its own line; later progress reports are dropped.
     */
    public synchronized void end() {
        finished = true;
        if (lineOpen) {
            err.println();
            err.flush();
            lineOpen = false;
        }
    }
}
