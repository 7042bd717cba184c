package dev.cogform.core.testing;

import dev.cogform.core.testing.peers.LocalPeers;
import dev.cogform.core.testing.peers.Peer;
import java.net.URI;

/**
 * Where the peer servers listen. Each is started by the test suite itself the first time a test asks
 * for it (see {@link LocalPeers}), unless its environment variable or system property names a running
 * one. Declare the peers of a class with {@link dev.cogform.core.testing.peers.WithPeers} so that it
 * fails once, before its tests, when a peer cannot start.
 */
public final class Peers {

    private Peers() {
    }

    /** moto_server (Cognito IdP, S3 and STS on one port); {@code COGFORM_TEST_MOTO} names a running one. */
    public static URI moto() {
        return LocalPeers.url(Peer.MOTO);
    }

    /** cognito-local (npm); {@code COGFORM_TEST_COGNITO_LOCAL} names a running one. */
    public static URI cognitoLocal() {
        return LocalPeers.url(Peer.COGNITO_LOCAL);
    }
}
