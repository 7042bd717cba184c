package dev.cogform.core.apply;

import dev.cogform.core.plan.ResourceChange;

/** Hears each change start and end; called from worker threads, so implementations synchronise. */
public interface ApplyListener {

    ApplyListener NONE = new ApplyListener() {
        @Override
        public void onStart(ResourceChange change) {
        }

        @Override
        public void onComplete(ResourceChange change, Outcome outcome) {
        }
    };

    void onStart(ResourceChange change);

    void onComplete(ResourceChange change, Outcome outcome);
}
