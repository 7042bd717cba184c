package dev.cogform.state.blob;

import java.util.ArrayList;
import java.util.List;

/**
 * Things a user should know that did not stop the operation (a broken expired lease, a release without
 * a conditional delete). The state module never prints; the command line drains and shows these.
 */
public final class Warnings {

    private final List<String> pending = new ArrayList<>();

    public synchronized void add(String warning) {
        pending.add(warning);
    }

    /** The warnings added since the last call, oldest first. */
    public synchronized List<String> drain() {
        List<String> out = List.copyOf(pending);
        pending.clear();
        return out;
    }
}
