package dev.cogform.core.testing.peers;

/**
 * The peer servers the tests talk to instead of AWS. Each has a system property and an environment
 * variable naming an already running instance (base URL); when neither is set, {@link LocalPeers}
 * starts one on this machine.
 */
public enum Peer {

    /** moto_server (moto 5.x): Cognito IdP, S3 and STS on one port; in memory only. */
    MOTO("moto_server", "cogform.test.moto", "COGFORM_TEST_MOTO", "/moto-api/"),

    /** cognito-local 5.3.0 (npm): Cognito IdP. */
    COGNITO_LOCAL("cognito-local", "cogform.test.cognitoLocal", "COGFORM_TEST_COGNITO_LOCAL", "/health");

    private final String title;
    private final String property;
    private final String env;
    private final String healthPath;

    Peer(String title, String property, String env, String healthPath) {
        this.title = title;
        this.property = property;
        this.env = env;
        this.healthPath = healthPath;
    }

    /** The name people know it by. */
    public String title() {
        return title;
    }

    /** The system property that names a running instance. */
    public String property() {
        return property;
    }

    /** The environment variable that names a running instance. */
    public String env() {
        return env;
    }

    /** A path that answers once the server is ready. */
    public String healthPath() {
        return healthPath;
    }
}
