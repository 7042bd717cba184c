package dev.cogform.core.rule;

import dev.cogform.core.spec.Rule.Stage;
import dev.cogform.core.spec.Rule;
import java.util.List;

/** Client secrets and settings that need one (reference §4 rules 1–3 and 23). */
final class SecretRules {

    static final Rule CREATE_ONLY = Rule.warning("identity.create-only", Stage.PLANNER,
            "The pool and generate_secret are fixed at creation: changing them replaces the client (new client id).");
    static final Rule CONTEXT_DATA_NEEDS_SECRET = Rule.error("secret.context-data-needs-secret", Stage.CLIENT,
            "enable_propagate_additional_user_context_data needs generate_secret: true.");

    private SecretRules() {
    }

    static List<ClientRule> rules() {
        return List.of(ClientRule.of(CONTEXT_DATA_NEEDS_SECRET, (c, f) -> {
            if (c.settings().enablePropagateAdditionalUserContextData() && !c.settings().generateSecret()) {
                f.at(c.sources().locate("enable_propagate_additional_user_context_data"),
                        "additional user context data can only be propagated by a client with a secret",
                        "set generate_secret: true, or enable_propagate_additional_user_context_data: false");
            }
        }));
    }
}
