package dev.cogform.core.rule;

import dev.cogform.core.desired.DesiredClient;
import dev.cogform.core.diag.Location;
import dev.cogform.core.spec.Rule;
import java.util.function.Consumer;

/** A rule checked on one client, offline: its {@link Rule} and the check itself. */
record ClientRule(Rule rule, Check check) {

    /** Looks at one client and reports what it finds. */
    @FunctionalInterface
    interface Check {
        void check(DesiredClient client, Findings findings);
    }

    /** Reports findings of one rule into a sink. */
    record Findings(Rule rule, Consumer<dev.cogform.core.diag.Diagnostic> sink) {
        void at(Location where, String message, String hint) {
            sink.accept(rule.at(where, message, hint));
        }
    }

    static ClientRule of(Rule rule, Check check) {
        return new ClientRule(rule, check);
    }

    void run(DesiredClient client, Consumer<dev.cogform.core.diag.Diagnostic> sink) {
        check.check(client, new Findings(rule, sink));
    }
}
