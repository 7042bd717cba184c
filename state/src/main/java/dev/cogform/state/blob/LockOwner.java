package dev.cogform.state.blob;

import dev.cogform.core.Version;
import dev.cogform.core.state.LockInfo;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;

/** This process as a lock holder: {@code user@host}, pid and cogform version. */
public record LockOwner(String who, long pid, String toolVersion) {

    private static final LockOwner CURRENT = new LockOwner(
            System.getProperty("user.name", "unknown") + "@" + hostName(),
            ProcessHandle.current().pid(), Version.current());

    public static LockOwner current() {
        return CURRENT;
    }

    public LockInfo lockInfo(String id, String operation, Instant created, Instant expires) {
        return new LockInfo(id, operation, who, pid, created, toolVersion, expires);
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
