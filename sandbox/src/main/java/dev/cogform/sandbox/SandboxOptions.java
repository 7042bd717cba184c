package dev.cogform.sandbox;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * How to run a {@link Sandbox}.
 *
 * @param host       the address to listen on (default {@code 127.0.0.1})
 * @param port       the port; 0 picks a free one
 * @param dataFile   where to keep pools and clients across restarts; null keeps them in memory only
 * @param quotaScale multiplies Cognito's request-rate quotas (15/s per category, 5/s per operation and pool)
 * @param quotas     false lifts the request-rate quotas entirely
 * @param faults     faults to inject; the sandbox uses this very instance, so rules added later apply
 * @param region     the region in pool ids and ARNs (default {@code us-east-1})
 * @param clock      where creation and modification dates come from (default the system clock); tests
 *                   move it to age client secrets without waiting
 */
public record SandboxOptions(String host, int port, Path dataFile, double quotaScale, boolean quotas,
                             FaultPlan faults, String region, java.time.Clock clock) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_REGION = "us-east-1";
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]");

    public SandboxOptions {
        host = host == null || host.isBlank() ? DEFAULT_HOST : host;
        region = region == null || region.isBlank() ? DEFAULT_REGION : region;
        faults = faults == null ? FaultPlan.none() : faults;
        clock = clock == null ? java.time.Clock.systemUTC() : clock;
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is out of range; use 1-65535, or 0 for a free port");
        }
        if (!(quotaScale > 0) || Double.isInfinite(quotaScale)) {
            throw new IllegalArgumentException("quota scale " + quotaScale
                    + " must be a number above 0 (1 = Cognito's rates); to lift the quotas, turn them off");
        }
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("region '" + region + "' does not look like an AWS region, such as us-east-1");
        }
    }

    /** The options with the system clock. */
    public SandboxOptions(String host, int port, Path dataFile, double quotaScale, boolean quotas, FaultPlan faults,
                          String region) {
        this(host, port, dataFile, quotaScale, quotas, faults, region, null);
    }

    /** The options without a region: {@link #DEFAULT_REGION}. */
    public SandboxOptions(String host, int port, Path dataFile, double quotaScale, boolean quotas, FaultPlan faults) {
        this(host, port, dataFile, quotaScale, quotas, faults, DEFAULT_REGION);
    }

    /** Loopback, a free port, memory only, Cognito's quotas, no faults, us-east-1. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(DEFAULT_HOST, 0, null, 1, true, FaultPlan.none(), DEFAULT_REGION);
    }

    public SandboxOptions withHost(String v) {
        return new SandboxOptions(v, port, dataFile, quotaScale, quotas, faults, region, clock);
    }

    public SandboxOptions withPort(int v) {
        return new SandboxOptions(host, v, dataFile, quotaScale, quotas, faults, region, clock);
    }

    public SandboxOptions withDataFile(Path v) {
        return new SandboxOptions(host, port, v, quotaScale, quotas, faults, region, clock);
    }

    public SandboxOptions withQuotaScale(double v) {
        return new SandboxOptions(host, port, dataFile, v, quotas, faults, region, clock);
    }

    public SandboxOptions withQuotas(boolean v) {
        return new SandboxOptions(host, port, dataFile, quotaScale, v, faults, region, clock);
    }

    public SandboxOptions withFaults(FaultPlan v) {
        return new SandboxOptions(host, port, dataFile, quotaScale, quotas, v, region, clock);
    }

    public SandboxOptions withClock(java.time.Clock v) {
        return new SandboxOptions(host, port, dataFile, quotaScale, quotas, faults, region, v);
    }

    public SandboxOptions withRegion(String v) {
        return new SandboxOptions(host, port, dataFile, quotaScale, quotas, faults, v, clock);
    }
}
