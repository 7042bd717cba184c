package dev.cogform.core.rule;

import dev.cogform.core.desired.DesiredClient;
import dev.cogform.core.desired.DesiredPool;
import dev.cogform.core.desired.FieldSources.Element;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.spec.Rule.Stage;
import dev.cogform.core.spec.Rule;
import dev.cogform.core.spec.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules that need the live pool (reference §4 rules 15, 19, 20 and 21): identity providers,
 * custom scopes and custom attributes named by a client must exist in the pool, and the pool's required
 * attributes are always writable. Refresh calls {@link #check} and {@link #checkAttributes} with what it
 * read from Cognito; the planner calls {@link #requiredWritable} where it folds required attributes in.
 */
public final class LiveChecks {

    /** Always present in a pool; ListIdentityProviders does not list it. */
    public static final String COGNITO = "COGNITO";

    public static final Rule IDP_EXISTS = Rule.error("idp.exists", Stage.LIVE,
            "Every supported_identity_providers name exists in the pool (The provider X does not exist for User Pool Y).");
    public static final Rule SCOPE_EXISTS = Rule.error("oauth.scope-exists", Stage.LIVE,
            "Every custom scope exists on a resource server of the pool (ScopeDoesNotExistException).");

    public static final Rule CUSTOM_ATTRIBUTE_EXISTS = Rule.error("attributes.custom-exists", Stage.LIVE,
            "Every custom: attribute in read_attributes and write_attributes exists in the pool's schema"
                    + " (Invalid read/write attributes specified).");
    public static final Rule REQUIRED_WRITABLE = Rule.warning("attributes.required-writable", Stage.PLANNER,
            "A non-empty write_attributes names the pool's required attributes: Cognito adds them, so the plan"
                    + " does too instead of diffing them away.");

    private LiveChecks() {
    }

    /**
     * Checks the custom attributes {@code pool}'s clients read or write against the pool's schema,
     * {@code poolAttributes} (names as DescribeUserPool gives them, {@code custom:} included). Standard
     * attributes are checked offline. Returns the findings, sorted; empty when all exist.
     */
    public static List<Diagnostic> checkAttributes(DesiredPool pool, Set<String> poolAttributes) {
        Set<String> custom = new java.util.TreeSet<>();
        poolAttributes.stream().filter(LiveChecks::custom).forEach(custom::add);
        List<Diagnostic> out = new ArrayList<>();
        for (DesiredClient c : pool.clients()) {
            for (String field : List.of("read_attributes", "write_attributes")) {
                Set<String> values = field.equals("read_attributes") ? c.settings().readAttributes()
                        : c.settings().writeAttributes();
                for (Element e : c.sources().elements(field, values)) {
                    if (custom(e.value()) && !poolAttributes.contains(e.value())) {
                        String near = Suggestions.closest(e.value(), custom);
                        out.add(CUSTOM_ATTRIBUTE_EXISTS.at(e.location(), "custom attribute '" + e.value()
                                        + "' is not in the schema of pool " + pool.reference(),
                                near != null ? "did you mean `" + near + "`?"
                                        : "add the attribute to the pool's schema first, or remove it from the client"));
                    }
                }
            }
        }
        return out.stream().sorted(Diagnostic.ORDER).toList();
    }

    /**
     * The warning for a client whose non-empty write_attributes leaves out some of {@code required},
     * the pool's required attributes, which Cognito adds; empty when it names them all or is empty.
     */
    public static Optional<Diagnostic> requiredWritable(DesiredClient c, Set<String> required, String poolReference) {
        Set<String> write = c.settings().writeAttributes();
        if (write.isEmpty() || write.containsAll(required)) {
            return Optional.empty();
        }
        List<String> missing = required.stream().filter(a -> !write.contains(a)).sorted().toList();
        String names = String.join(", ", missing.stream().map(a -> "'" + a + "'").toList());
        return Optional.of(REQUIRED_WRITABLE.at(c.sources().locate("write_attributes"),
                "write_attributes leaves out " + names + ", required " + (missing.size() == 1 ? "attribute" : "attributes")
                        + " of pool " + poolReference + "; Cognito makes required attributes writable, so the plan"
                        + " includes " + (missing.size() == 1 ? "it" : "them"),
                "add " + names + " to write_attributes to say so in cogform.yaml"));
    }

    private static boolean custom(String attribute) {
        return attribute.startsWith("custom:");
    }

    /**
     * Checks {@code pool}'s clients against the live pool: {@code identityProviders} are the provider
     * names of the pool (COGNITO need not be listed), {@code resourceServerScopes} its custom scopes
     * written {@code identifier/scope}. Returns the findings, sorted; empty when all exist.
     */
    public static List<Diagnostic> check(DesiredPool pool, Set<String> identityProviders,
                                         Set<String> resourceServerScopes) {
        List<Diagnostic> out = new ArrayList<>();
        for (DesiredClient c : pool.clients()) {
            for (Element e : c.sources().elements("supported_identity_providers",
                    c.settings().supportedIdentityProviders())) {
                if (!COGNITO.equals(e.value()) && !identityProviders.contains(e.value())) {
                    String near = Suggestions.closest(e.value(), union(identityProviders, COGNITO));
                    out.add(IDP_EXISTS.at(e.location(), "identity provider '" + e.value() + "' does not exist in pool "
                                    + pool.reference(),
                            near != null ? "did you mean `" + near + "`?"
                                    : "create the provider in the pool first, or remove it from the client"));
                }
            }
            for (Element e : c.sources().elements("allowed_oauth_scopes", c.settings().allowedOAuthScopes())) {
                if (!OAuthRules.STANDARD_SCOPES.contains(e.value()) && !resourceServerScopes.contains(e.value())) {
                    String near = Suggestions.closest(e.value(), resourceServerScopes);
                    out.add(SCOPE_EXISTS.at(e.location(), "scope '" + e.value() + "' is not defined by any resource"
                                    + " server of pool " + pool.reference(),
                            near != null ? "did you mean `" + near + "`?"
                                    : "add the scope to a resource server of the pool, or remove it"));
                }
            }
        }
        return out.stream().sorted(Diagnostic.ORDER).toList();
    }

    private static Set<String> union(Set<String> names, String extra) {
        Set<String> all = new java.util.HashSet<>(names);
        all.add(extra);
        return all;
    }
}
