package dev.cogform.core.rule;

import dev.cogform.core.desired.DesiredClient;
import dev.cogform.core.desired.DesiredPool;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.spec.LoadRules;
import dev.cogform.core.spec.Rule;
import dev.cogform.core.spec.DriftRules;
import dev.cogform.core.spec.RunRules;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every rule cogform knows, and the offline checks of loaded pools. Rule ids never change once published. */
public final class Rulebook {

    private static final List<ClientRule> CLIENT_RULES = Stream.of(TokenRules.rules(), FlowRules.rules(),
            OAuthRules.rules(), UrlRules.rules(), AttributeRules.rules(), AnalyticsRules.rules(),
            SecretRules.rules(), RotationRules.rules(), NameRules.rules()).flatMap(List::stream).toList();

    private Rulebook() {
    }

    /** All rules, loader rules first, then client, pool, live, planner rules and those of refresh, plan and apply; ids are unique. */
    public static List<Rule> all() {
        List<Rule> all = new ArrayList<>(LoadRules.all());
        CLIENT_RULES.forEach(r -> all.add(r.rule()));
        all.add(NameRules.NAME_UNIQUE);
        all.add(LiveChecks.IDP_EXISTS);
        all.add(LiveChecks.SCOPE_EXISTS);
        all.add(LiveChecks.CUSTOM_ATTRIBUTE_EXISTS);
        all.add(SecretRules.CREATE_ONLY);
        all.add(LiveChecks.REQUIRED_WRITABLE);
        all.addAll(RunRules.all());
        all.addAll(DriftRules.all());
        return List.copyOf(all);
    }

    /** Runs every offline client and pool rule on {@code pools}; the findings are unsorted. */
    public static List<Diagnostic> check(List<DesiredPool> pools) {
        List<Diagnostic> out = new ArrayList<>();
        for (DesiredPool pool : pools) {
            for (DesiredClient client : pool.clients()) {
                check(client, out);
            }
            NameRules.uniqueNames(pool, out::add);
        }
        return out;
    }

    /** Runs every offline client rule on one client. */
    public static List<Diagnostic> check(DesiredClient client) {
        List<Diagnostic> out = new ArrayList<>();
        check(client, out);
        return out;
    }

    private static void check(DesiredClient client, List<Diagnostic> out) {
        for (ClientRule rule : CLIENT_RULES) {
            rule.run(client, out::add);
        }
    }
}
