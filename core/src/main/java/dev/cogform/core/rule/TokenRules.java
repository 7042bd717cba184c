package dev.cogform.core.rule;

import dev.cogform.core.desired.DesiredClient;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.spec.Rule.Stage;
import dev.cogform.core.spec.Rule;
import java.util.List;
import static dev.cogform.core.model.Durations.format;

/**
 * Token and session lifetimes (reference §3, §4 rule 24). cogform keeps durations in seconds and
 * sends them in the largest unit that divides them, so the effective range of each token is checked
 * on the duration itself, whatever unit the YAML used.
 */
final class TokenRules {

    static final long MINUTE = 60;
    static final long HOUR = 3_600;
    static final long DAY = 86_400;

    static final Rule ACCESS_RANGE = Rule.error("token.access-range", Stage.CLIENT,
            "token_validity.access is 5m to 1d (Invalid range for token validity).");
    static final Rule ID_RANGE = Rule.error("token.id-range", Stage.CLIENT,
            "token_validity.id is 5m to 1d (Invalid range for token validity).");
    static final Rule REFRESH_RANGE = Rule.error("token.refresh-range", Stage.CLIENT,
            "token_validity.refresh is 60m to 3650d (Invalid range for token validity).");
    static final Rule AUTH_SESSION_RANGE = Rule.error("token.auth-session-range", Stage.CLIENT,
            "auth_session_validity is 3m to 15m in whole minutes.");
    static final Rule EXCEEDS_REFRESH = Rule.warning("token.exceeds-refresh", Stage.CLIENT,
            "Access and ID tokens should not outlive the refresh token (aws-cdk enforces it; unverified service-side).");

    private TokenRules() {
    }

    static List<ClientRule> rules() {
        return List.of(
                range(ACCESS_RANGE, "token_validity.access", "access token", 5 * MINUTE, DAY,
                        AppClientSettings::accessTokenValiditySeconds),
                range(ID_RANGE, "token_validity.id", "ID token", 5 * MINUTE, DAY,
                        AppClientSettings::idTokenValiditySeconds),
                range(REFRESH_RANGE, "token_validity.refresh", "refresh token", HOUR, 3_650 * DAY,
                        AppClientSettings::refreshTokenValiditySeconds),
                ClientRule.of(AUTH_SESSION_RANGE, (c, f) -> {
                    long s = c.settings().authSessionValiditySeconds();
                    if (s < 3 * MINUTE || s > 15 * MINUTE || s % MINUTE != 0) {
                        f.at(c.sources().locate("auth_session_validity"),
                                "auth session validity " + format(s) + " is not a whole number of minutes from 3m to 15m",
                                "write a value from 3m to 15m, such as 3m (Cognito's default)");
                    }
                }),
                ClientRule.of(EXCEEDS_REFRESH, (c, f) -> {
                    long refresh = c.settings().refreshTokenValiditySeconds();
                    exceeds(c, f, "token_validity.access", "access", c.settings().accessTokenValiditySeconds(), refresh);
                    exceeds(c, f, "token_validity.id", "ID", c.settings().idTokenValiditySeconds(), refresh);
                }));
    }

    private interface Seconds {
        long of(AppClientSettings settings);
    }

    private static ClientRule range(Rule rule, String field, String what, long min, long max, Seconds value) {
        return ClientRule.of(rule, (c, f) -> {
            long s = value.of(c.settings());
            if (s < min || s > max) {
                f.at(c.sources().locate(field),
                        what + " validity " + format(s) + " is out of range: Cognito accepts " + format(min)
                                + " to " + format(max),
                        "set " + field + " between " + format(min) + " and " + format(max));
            }
        });
    }

    private static void exceeds(DesiredClient c, ClientRule.Findings f, String field, String what, long seconds,
                                long refresh) {
        if (seconds > refresh) {
            f.at(c.sources().locate(field),
                    what + " token validity " + format(seconds) + " is longer than the refresh token's " + format(refresh),
                    "shorten " + field + " or lengthen token_validity.refresh");
        }
    }
}
