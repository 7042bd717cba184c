package dev.cogform.core.testing.peers;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts the peers a test declares with {@link WithPeers}, the way Testcontainers starts containers:
 * lazily (only peers some test needs), once per JVM, on free loopback ports, stopped when the JVM
 * exits. A peer named by its environment variable or system property is used as it is. A peer that
 * cannot start fails the class (or method) with {@link PeerUnavailable}; later tests needing it fail at
 * once with the same message instead of trying again.
 */
public final class PeersExtension implements BeforeAllCallback, BeforeEachCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        start(context.getTestClass());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        start(context.getTestMethod());
    }

    private static void start(Optional<? extends AnnotatedElement> element) {
        element.flatMap(e -> AnnotationSupport.findAnnotation(e, WithPeers.class))
                .ifPresent(peers -> {
                    for (Peer peer : peers.value()) {
                        LocalPeers.url(peer);
                    }
                });
    }
}
