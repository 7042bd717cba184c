package dev.cogform.core.rule;

import dev.cogform.core.model.Analytics;
import dev.cogform.core.spec.CognitoModel;
import dev.cogform.core.spec.Rule.Stage;
import dev.cogform.core.spec.Rule;
import java.util.List;

/** Pinpoint analytics (reference §4 rule 22). */
final class AnalyticsRules {

    static final Rule TARGET = Rule.error("analytics.target", Stage.CLIENT,
            "analytics names exactly one of application_arn or application_id.");
    static final Rule ID_NEEDS_ROLE = Rule.error("analytics.id-needs-role", Stage.CLIENT,
            "analytics.application_id needs role_arn and external_id.");
    static final Rule ARN_CONFLICTS = Rule.error("analytics.arn-conflicts", Stage.CLIENT,
            "analytics.application_arn cannot be combined with external_id, or with a role_arn other than Cognito's service-linked role.");
    static final Rule FORMAT = Rule.error("analytics.format", Stage.CLIENT,
            "application_id is hexadecimal; application_arn and role_arn are ARNs (20 to 2048 characters).");

    private AnalyticsRules() {
    }

    static List<ClientRule> rules() {
        return List.of(
                ClientRule.of(TARGET, (c, f) -> {
                    Analytics a = c.settings().analytics();
                    if (a != null && (a.applicationArn() == null) == (a.applicationId() == null)) {
                        f.at(c.sources().locate("analytics"), a.applicationArn() == null
                                        ? "analytics names neither application_arn nor application_id"
                                        : "analytics names both application_arn and application_id",
                                "give application_arn (role and external id are derived), or application_id with"
                                        + " role_arn and external_id");
                    }
                }),
                ClientRule.of(ID_NEEDS_ROLE, (c, f) -> {
                    Analytics a = c.settings().analytics();
                    if (a != null && a.applicationId() != null && a.applicationArn() == null
                            && (a.roleArn() == null || a.externalId() == null)) {
                        f.at(c.sources().locate("analytics.application_id"),
                                "analytics.application_id needs " + (a.roleArn() == null ? "role_arn" : "external_id"),
                                "add role_arn and external_id, or use application_arn instead");
                    }
                }),
                ClientRule.of(ARN_CONFLICTS, (c, f) -> {
                    Analytics a = c.settings().analytics();
                    if (a != null && a.applicationArn() != null) {
                        for (String field : List.of("role_arn", "external_id")) {
                            // Cognito's own service-linked role is folded to null by the model and accepted, as
                            // Describe returns it with the ARN; an external id is never (even empty).
                            boolean conflicts = field.equals("role_arn") ? a.roleArn() != null
                                    : a.externalId() != null || c.sources().given("analytics.external_id");
                            if (conflicts) {
                                f.at(c.sources().locate("analytics." + field),
                                        "analytics." + field + " conflicts with application_arn",
                                        "remove " + field + "; with application_arn Cognito uses a service-linked role");
                            }
                        }
                    }
                }),
                ClientRule.of(FORMAT, (c, f) -> {
                    Analytics a = c.settings().analytics();
                    if (a == null) {
                        return;
                    }
                    check(c, f, "application_id", a.applicationId(), "HexStringType", "32 hex characters of the Pinpoint project id");
                    check(c, f, "application_arn", a.applicationArn(), "ArnType", "arn:aws:mobiletargeting:REGION:ACCOUNT:apps/ID");
                    check(c, f, "role_arn", a.roleArn(), "ArnType", "arn:aws:iam::ACCOUNT:role/NAME");
                    check(c, f, "external_id", a.externalId(), "StringType", "at most 131072 characters");
                }));
    }

    private static void check(dev.cogform.core.desired.DesiredClient c, ClientRule.Findings f, String field,
                              String value, String shape, String expected) {
        if (value != null && !CognitoModel.shape(shape).accepts(value)) {
            f.at(c.sources().locate("analytics." + field), "analytics." + field + " '" + value + "' is malformed",
                    "write " + expected);
        }
    }
}
