package dev.cogform.core.testing;

import java.net.URI;

/**
 * Where the peer servers started outside the JVM listen. {@code .ci/run} starts them and passes
 * their URLs; a test that needs one fails, never skips, when it is missing.
 */
public final class Peers {

    private static final String HOW = "start the peers first: 'source .ci/peers.sh && start_peers', then run Maven"
            + " in that shell (or run .ci/run)";

    private Peers() {
    }

    /** moto_server (Cognito IdP and S3 on one port). */
    public static URI moto() {
        return lookup("cogform.test.moto", "COGFORM_TEST_MOTO", "moto_server");
    }

    /** cognito-local (npm). */
    public static URI cognitoLocal() {
        return lookup("cogform.test.cognitoLocal", "COGFORM_TEST_COGNITO_LOCAL", "cognito-local");
    }

    private static URI lookup(String property, String env, String name) {
        String url = System.getProperty(property);
        if (url == null || url.isBlank() || url.startsWith("${")) {
            url = System.getenv(env);
        }
        if (url == null || url.isBlank()) {
            throw new AssertionError(name + " is not running: " + env + " is not set; " + HOW);
        }
        return URI.create(url);
    }
}
