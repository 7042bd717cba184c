package dev.cogform.core.rule;

import dev.cogform.core.desired.DesiredClient;
import dev.cogform.core.desired.FieldSources.Element;
import dev.cogform.core.diag.Location;
import dev.cogform.core.spec.CognitoModel;
import dev.cogform.core.spec.Rule.Stage;
import dev.cogform.core.spec.Rule;
import dev.cogform.core.spec.Suggestions;
import java.util.List;
import java.util.Set;

/** Enum values and explicit auth flows (reference §4 rules 4–8). */
final class FlowRules {

    static final String REFRESH = "ALLOW_REFRESH_TOKEN_AUTH";
    static final Set<String> LEGACY = Set.of("ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH");

    static final Rule ENUM_VALUE = Rule.error("enum.value", Stage.CLIENT,
            "Enum fields take one of the values of Cognito's model (Member must satisfy enum value set).");
    static final Rule LEGACY_MIXED = Rule.error("flows.legacy-mixed", Stage.CLIENT,
            "Legacy auth flows (ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY, USER_PASSWORD_AUTH) cannot be combined with ALLOW_* flows.");
    static final Rule REFRESH_REQUIRED = Rule.error("flows.refresh-token-required", Stage.CLIENT,
            "With ALLOW_* flows and no refresh-token rotation, include ALLOW_REFRESH_TOKEN_AUTH (Cognito: REFRESH_TOKEN_AUTH should always be allowed, aws-cdk #7625).");
    static final Rule ROTATION_CONFLICT = Rule.error("flows.rotation-refresh-conflict", Stage.CLIENT,
            "Refresh-token rotation is incompatible with ALLOW_REFRESH_TOKEN_AUTH.");
    static final Rule USER_AUTH_TIER = Rule.warning("flows.user-auth-tier", Stage.CLIENT,
            "ALLOW_USER_AUTH needs the pool on the Essentials tier or higher (FeatureUnavailableInTierException).");

    private FlowRules() {
    }

    static List<ClientRule> rules() {
        return List.of(
                ClientRule.of(ENUM_VALUE, FlowRules::enums),
                ClientRule.of(LEGACY_MIXED, (c, f) -> {
                    Set<String> flows = c.settings().explicitAuthFlows();
                    List<String> legacy = flows.stream().filter(LEGACY::contains).toList();
                    if (!legacy.isEmpty() && flows.stream().anyMatch(v -> v.startsWith("ALLOW_"))) {
                        f.at(c.sources().locate("explicit_auth_flows"),
                                "legacy auth flow " + String.join(", ", legacy) + " cannot be combined with ALLOW_* flows",
                                "use only ALLOW_* values, e.g. ALLOW_USER_PASSWORD_AUTH instead of USER_PASSWORD_AUTH");
                    }
                }),
                ClientRule.of(REFRESH_REQUIRED, (c, f) -> {
                    Set<String> flows = c.settings().explicitAuthFlows();
                    if (flows.stream().anyMatch(v -> v.startsWith("ALLOW_")) && !flows.contains(REFRESH)
                            && !c.settings().refreshTokenRotation().enabled()) {
                        f.at(c.sources().locate("explicit_auth_flows"),
                                "explicit_auth_flows lacks " + REFRESH + ", which Cognito refuses"
                                        + " ('REFRESH_TOKEN_AUTH should always be allowed')",
                                "add " + REFRESH + ", or enable refresh_token_rotation");
                    }
                }),
                ClientRule.of(ROTATION_CONFLICT, (c, f) -> {
                    if (c.settings().refreshTokenRotation().enabled()
                            && c.settings().explicitAuthFlows().contains(REFRESH)) {
                        Location where = c.sources().given("explicit_auth_flows")
                                ? elementOr(c, "explicit_auth_flows", REFRESH)
                                : c.sources().locate("refresh_token_rotation.feature");
                        f.at(where, "refresh-token rotation is enabled, which Cognito does not allow together with "
                                        + REFRESH + (c.sources().given("explicit_auth_flows") ? ""
                                        : " (part of the default explicit_auth_flows)"),
                                "list explicit_auth_flows without " + REFRESH + ", e.g. [ALLOW_USER_SRP_AUTH]");
                    }
                }),
                ClientRule.of(USER_AUTH_TIER, (c, f) -> {
                    if (c.settings().explicitAuthFlows().contains("ALLOW_USER_AUTH")) {
                        f.at(elementOr(c, "explicit_auth_flows", "ALLOW_USER_AUTH"),
                                "ALLOW_USER_AUTH works only in pools on the Essentials tier or higher",
                                "check the pool's feature plan, or remove ALLOW_USER_AUTH");
                    }
                }));
    }

    private static void enums(DesiredClient c, ClientRule.Findings f) {
        enumList(c, f, "explicit_auth_flows", c.settings().explicitAuthFlows(), "ExplicitAuthFlowsType");
        enumList(c, f, "allowed_oauth_flows", c.settings().allowedOAuthFlows(), "OAuthFlowType");
        enumValue(c, f, "prevent_user_existence_errors", c.settings().preventUserExistenceErrors(),
                "PreventUserExistenceErrorTypes");
        enumValue(c, f, "refresh_token_rotation.feature", c.settings().refreshTokenRotation().feature(),
                "FeatureType");
    }

    private static void enumList(DesiredClient c, ClientRule.Findings f, String field, Set<String> values,
                                 String shape) {
        for (Element e : c.sources().elements(field, values)) {
            check(f, e.location(), field, e.value(), shape);
        }
    }

    private static void enumValue(DesiredClient c, ClientRule.Findings f, String field, String value, String shape) {
        check(f, c.sources().locate(field), field, value, shape);
    }

    private static void check(ClientRule.Findings f, Location where, String field, String value, String shape) {
        List<String> allowed = CognitoModel.enumValues(shape);
        if (!allowed.contains(value)) {
            String near = Suggestions.closest(value, allowed);
            f.at(where, "'" + value + "' is not a value of " + field,
                    (near != null ? "did you mean `" + near + "`? " : "") + "one of: " + String.join(", ", allowed));
        }
    }

    /** The location of {@code value} in a list field, or of the field when not written element by element. */
    static Location elementOr(DesiredClient c, String field, String value) {
        return c.sources().elements(field, List.of()).stream().filter(e -> e.value().equals(value))
                .map(Element::location).findFirst().orElse(c.sources().locate(field));
    }
}
