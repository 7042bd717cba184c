package dev.cogform.cli.view;

import dev.cogform.sandbox.SandboxOptions;
import java.io.PrintWriter;
import java.net.URI;

/** What {@code cogform sandbox} prints: where it listens, that it is not AWS, and how to try it. */
public final class SandboxView {

    private final PrintWriter out;

    public SandboxView(PrintWriter out) {
        this.out = out;
    }

    public void started(URI endpoint, SandboxOptions options) {
        out.println("cogform sandbox (not AWS) listening on " + endpoint);
        out.println("  data:   " + (options.dataFile() == null ? "in memory only" : options.dataFile()));
        out.println("  quotas: " + (options.quotas()
                ? "Cognito's rates" + (options.quotaScale() == 1 ? "" : " x " + options.quotaScale()) : "off"));
        if (!options.faults().rules().isEmpty()) {
            out.println("  faults: " + options.faults());
        }
        out.println("Try: aws --endpoint-url " + endpoint + " cognito-idp create-user-pool --pool-name demo");
        out.println("Any credentials work (e.g. AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x AWS_DEFAULT_REGION="
                + options.region() + "). Stop with Ctrl-C.");
        out.flush();
    }
}
