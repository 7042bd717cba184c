package dev.cogform.core.rule;

import dev.cogform.core.spec.Rule.Stage;
import dev.cogform.core.spec.Rule;
import java.util.List;

/** Refresh-token rotation (reference §4 rule 24). */
final class RotationRules {

    static final Rule GRACE_RANGE = Rule.error("rotation.grace-range", Stage.CLIENT,
            "refresh_token_rotation.retry_grace_period is 0s to 60s.");

    private RotationRules() {
    }

    static List<ClientRule> rules() {
        return List.of(ClientRule.of(GRACE_RANGE, (c, f) -> {
            int grace = c.settings().refreshTokenRotation().retryGracePeriodSeconds();
            if (grace < 0 || grace > 60) {
                f.at(c.sources().locate("refresh_token_rotation.retry_grace_period"),
                        "retry grace period " + grace + "s is out of range: Cognito accepts 0s to 60s",
                        "set refresh_token_rotation.retry_grace_period between 0s and 60s");
            }
        }));
    }
}
