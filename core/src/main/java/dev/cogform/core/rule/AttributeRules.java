package dev.cogform.core.rule;

import dev.cogform.core.desired.DesiredClient;
import dev.cogform.core.desired.FieldSources.Element;
import dev.cogform.core.spec.CognitoModel;
import dev.cogform.core.spec.Rule.Stage;
import dev.cogform.core.spec.Rule;
import dev.cogform.core.spec.Suggestions;
import java.util.List;
import java.util.Set;

/** Attribute permissions and identity-provider names (reference §4 rules 19–21, offline parts). */
final class AttributeRules {

    /** OIDC standard attributes Cognito knows, plus its two verification flags. */
    static final Set<String> STANDARD = Set.of("address", "birthdate", "email", "email_verified", "family_name",
            "gender", "given_name", "locale", "middle_name", "name", "nickname", "phone_number",
            "phone_number_verified", "picture", "preferred_username", "profile", "updated_at", "website", "zoneinfo");

    static final Rule NAME = Rule.error("attributes.name", Stage.CLIENT,
            "read_attributes and write_attributes name standard attributes or custom:NAME attributes.");
    static final Rule IDP_NAME = Rule.error("idp.name-format", Stage.CLIENT,
            "An identity provider name is 1 to 32 characters (COGNITO, Google, Facebook, SignInWithApple, LoginWithAmazon or a SAML/OIDC provider).");

    private AttributeRules() {
    }

    static List<ClientRule> rules() {
        return List.of(
                ClientRule.of(NAME, (c, f) -> {
                    check(c, f, "read_attributes", c.settings().readAttributes());
                    check(c, f, "write_attributes", c.settings().writeAttributes());
                }),
                ClientRule.of(IDP_NAME, (c, f) -> {
                    CognitoModel.Shape shape = CognitoModel.shape("ProviderNameType");
                    for (Element e : c.sources().elements("supported_identity_providers",
                            c.settings().supportedIdentityProviders())) {
                        if (!shape.accepts(e.value())) {
                            f.at(e.location(), "'" + e.value() + "' is not an identity provider name (1 to 32 characters)",
                                    "use the provider's name as the pool shows it, e.g. COGNITO or Google");
                        }
                    }
                }));
    }

    private static void check(DesiredClient c, ClientRule.Findings f, String field, Set<String> values) {
        CognitoModel.Shape shape = CognitoModel.shape("ClientPermissionType");
        for (Element e : c.sources().elements(field, values)) {
            String a = e.value();
            boolean custom = a.startsWith("custom:") && a.length() > "custom:".length();
            if (!shape.accepts(a) || !custom && !STANDARD.contains(a)) {
                String near = Suggestions.closest(a, STANDARD);
                f.at(e.location(), "'" + a + "' is neither a standard attribute nor custom:NAME",
                        near != null ? "did you mean `" + near + "`?" : "prefix custom attributes with custom:");
            }
        }
    }
}
