package dev.cogform.core.rule;

import dev.cogform.core.desired.DesiredClient;
import dev.cogform.core.desired.DesiredPool;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.spec.CognitoModel;
import dev.cogform.core.spec.Rule.Stage;
import dev.cogform.core.spec.Rule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Client names (reference §4 rule 25) and names across the clients of a pool. */
final class NameRules {

    static final Rule NAME_FORMAT = Rule.error("client.name-format", Stage.CLIENT,
            "A client name is 1 to 128 letters, digits, spaces or + = , . @ - _.");
    static final Rule NAME_UNIQUE = Rule.warning("client.name-unique", Stage.POOL,
            "Client names should be unique within a pool: Cognito allows duplicates, but they confuse people and adoption.");

    private NameRules() {
    }

    static List<ClientRule> rules() {
        return List.of(ClientRule.of(NAME_FORMAT, (c, f) -> {
            String name = c.settings().clientName();
            if (!CognitoModel.shape("ClientNameType").accepts(name)) {
                f.at(c.sources().locate("name"), "client name '" + name + "' is not 1 to 128 letters, digits,"
                        + " spaces or + = , . @ - _", "rename the client");
            }
        }));
    }

    /** Reports every client whose name an earlier client of the same pool already uses. */
    static void uniqueNames(DesiredPool pool, Consumer<Diagnostic> sink) {
        Map<String, DesiredClient> seen = new HashMap<>();
        for (DesiredClient c : pool.clients()) {
            DesiredClient first = seen.putIfAbsent(c.settings().clientName(), c);
            if (first != null) {
                sink.accept(NAME_UNIQUE.at(c.sources().locate("name"),
                        "client " + c.address() + " has the same name '" + c.settings().clientName() + "' as "
                                + first.address(),
                        "give each client of a pool its own name"));
            }
        }
    }
}
