package dev.cogform.core.rule;

import dev.cogform.core.desired.DesiredClient;
import dev.cogform.core.desired.DesiredPool;
import dev.cogform.core.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks that need the live pool: every identity provider and custom scope a client names exists in
 * its pool. PLACEHOLDER written with the planner; the validation helper owns the real one (same
 * signature), which replaces this file on merge.
 */
public final class LiveChecks {

    private LiveChecks() {
    }

    /** Error diagnostics for names the pool does not have; empty when all exist. */
    public static List<Diagnostic> check(DesiredPool pool, Set<String> identityProviders,
                                         Set<String> resourceServerScopes) {
        List<Diagnostic> out = new ArrayList<>();
        for (DesiredClient client : pool.clients()) {
            String base = "pools." + pool.key() + ".clients." + client.address().client();
            for (String idp : client.settings().supportedIdentityProviders()) {
                if (!identityProviders.contains(idp)) {
                    out.add(Diagnostic.error("live.identity-provider-exists", base + ".supported_identity_providers",
                            "identity provider \"" + idp + "\" does not exist in pool " + pool.reference(),
                            "create it in the pool first, or use one of " + identityProviders, client.at()));
                }
            }
            for (String scope : client.settings().allowedOAuthScopes()) {
                if (scope.contains("/") && !resourceServerScopes.contains(scope)) {
                    out.add(Diagnostic.error("live.scope-exists", base + ".allowed_oauth_scopes",
                            "custom scope \"" + scope + "\" is not defined by any resource server of pool "
                                    + pool.reference(),
                            "add the scope to a resource server of the pool, or fix its spelling", client.at()));
                }
            }
        }
        return out;
    }
}
