package dev.cogform.core.testing;

import java.util.ArrayList;
import java.util.List;

/** One ordered log shared by fakes, so a test can check that a state write came before a call. */
public final class CallLog {

    private final List<String> entries = new ArrayList<>();

    public synchronized void add(String entry) {
        entries.add(entry);
    }

    public synchronized List<String> entries() {
        return List.copyOf(entries);
    }
}
