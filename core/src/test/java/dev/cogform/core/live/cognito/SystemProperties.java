package dev.cogform.core.live.cognito;

import java.util.HashMap;
import java.util.Map;

/** Sets JVM system properties for one test and restores the previous values on close. */
final class SystemProperties implements AutoCloseable {

    private final Map<String, String> previous = new HashMap<>();

    private SystemProperties(Map<String, String> values) {
        values.forEach((k, v) -> previous.put(k, System.setProperty(k, v)));
    }

    static SystemProperties set(Map<String, String> values) {
        return new SystemProperties(values);
    }

    @Override
    public void close() {
        previous.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }
}
