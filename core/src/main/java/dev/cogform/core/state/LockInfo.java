package dev.cogform.core.state;

import java.time.Instant;

/** Who holds a lock and why, as stored beside the state for humans and for {@code state unlock}. */
public record LockInfo(String id, String operation, String who, long pid, Instant created, String toolVersion,
                       Instant expires) {
}
