package dev.cogform.core.testing.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a peer started outside the JVM is named; starting peers is covered by the tests that use them. */
class LocalPeersTest {

    private final String saved = System.getProperty(Peer.MOTO.property());

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(Peer.MOTO.property());
        } else {
            System.setProperty(Peer.MOTO.property(), saved);
        }
    }

    @Test
    void theSystemProperty_namesARunningPeer_andWins() {
        System.setProperty(Peer.MOTO.property(), " http://127.0.0.1:5999 ");

        assertThat(LocalPeers.configured(Peer.MOTO)).contains(URI.create("http://127.0.0.1:5999"));
        assertThat(LocalPeers.url(Peer.MOTO)).isEqualTo(URI.create("http://127.0.0.1:5999"));
    }

    @Test
    void anUnsetMavenProperty_passedThroughLiterally_fallsBackToTheEnvironment() {
        System.setProperty(Peer.MOTO.property(), "${env.COGFORM_TEST_MOTO}");

        assertThat(LocalPeers.configured(Peer.MOTO))
                .isEqualTo(Optional.ofNullable(System.getenv(Peer.MOTO.env())).filter(s -> !s.isBlank())
                        .map(s -> URI.create(s.trim())));
    }
}
