package dev.cogform.core.state;

/** The state is locked by someone else; {@link #holder()} says who, for what and since when. */
public class StateLockedException extends StateException {

    private final LockInfo holder;

    public StateLockedException(String message, LockInfo holder) {
        super(message);
        this.holder = holder;
    }

    public LockInfo holder() {
        return holder;
    }
}
