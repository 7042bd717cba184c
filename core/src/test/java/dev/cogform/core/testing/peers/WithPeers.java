package dev.cogform.core.testing.peers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class (or method) needs these peers: {@link PeersExtension} starts each one, once per JVM,
 * before the class's (or method's) first test, and the test fails with one line saying what to install
 * when it cannot. Reach a started peer through {@link dev.cogform.core.testing.Peers}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PeersExtension.class)
public @interface WithPeers {

    Peer[] value();
}
