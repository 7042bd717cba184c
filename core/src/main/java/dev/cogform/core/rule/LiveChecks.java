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
import java.util.Set;

/**
 * The rules that need the live pool (reference §4 rules 15 and 19): identity providers and custom
 * scopes named by a client must exist in the pool. The planner calls {@link #check} at plan time with
 * what it read from Cognito.
 */
public final class LiveChecks {

    /** Always present in a pool; ListIdentityProviders does not list it. */
    public static final String COGNITO = "COGNITO";

    public static final Rule IDP_EXISTS = Rule.error("idp.exists", Stage.LIVE,
            "Every supported_identity_providers name exists in the pool (The provider X does not exist for User Pool Y).");
    public static final Rule SCOPE_EXISTS = Rule.error("oauth.scope-exists", Stage.LIVE,
            "Every custom scope exists on a resource server of the pool (ScopeDoesNotExistException).");

    private LiveChecks() {
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
