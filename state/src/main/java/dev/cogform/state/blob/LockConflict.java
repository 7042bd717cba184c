package dev.cogform.state.blob;

import dev.cogform.core.state.LockInfo;
import dev.cogform.core.state.StateLockedException;

/** The one wording of "the state is locked": who holds it, for what, since when, and how to release it. */
public final class LockConflict {

    private LockConflict() {
    }

    /** {@code advice} says how to get the lock released; it ends the message. */
    public static StateLockedException locked(String location, LockInfo holder, String advice) {
        StringBuilder m = new StringBuilder("the state ").append(location).append(" is locked");
        if (holder.who() != null) {
            m.append(" by ").append(holder.who());
            if (holder.pid() > 0) {
                m.append(" (pid ").append(holder.pid()).append(')');
            }
        }
        if (holder.operation() != null) {
            m.append(" for '").append(holder.operation()).append('\'');
        }
        if (holder.created() != null) {
            m.append(" since ").append(holder.created());
        }
        m.append(" (lock ").append(holder.id());
        if (holder.toolVersion() != null) {
            m.append(", cogform ").append(holder.toolVersion());
        }
        if (holder.expires() != null) {
            m.append(", lease until ").append(holder.expires());
        }
        m.append("). ").append(advice);
        return new StateLockedException(m.toString(), holder);
    }
}
