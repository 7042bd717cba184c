package dev.cogform.cli.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.model.SettingsJson;
import dev.cogform.core.plan.Plan;
import dev.cogform.core.plan.PlanFile;
import java.io.PrintWriter;
import java.util.List;

/**
 * The plan as its JSON document ({@code docs/json-output.md}), for {@code plan --json} and
 * {@code show --json}, rendered from the plan: the digest is the one the plan carries, nothing is
 * recomputed. The document is, member for member, what {@link PlanFile} saves, so {@code plan --json}
 * output can be applied as a saved plan; the view tests read it back with {@link PlanFile#read}.
 */
public final class JsonPlanView implements PlanView {

    private static final ObjectMapper MAPPER = SettingsJson.mapper();

    private final PrintWriter out;

    public JsonPlanView(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void render(Plan plan) {
        try {
            out.print(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document(plan)) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    /**
     * The plan document, also embedded in the apply document: the saved plan's document itself, because
     * {@code docs/json-output.md} promises that {@code plan --json} output is a saved plan. One encoder
     * keeps the two from drifting apart; this view only chooses where and how it is printed.
     */
    static ObjectNode document(Plan plan) {
        return PlanFile.document(plan);
    }

    static ArrayNode diagnostics(List<Diagnostic> diagnostics) {
        return PlanFile.diagnostics(diagnostics);
    }
}
