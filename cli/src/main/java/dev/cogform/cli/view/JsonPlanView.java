package dev.cogform.cli.view;

import dev.cogform.core.plan.Plan;
import dev.cogform.core.plan.PlanJson;
import java.io.PrintWriter;

/** The plan as its versioned JSON document ({@code docs/json-output.md}), the same as a saved plan. */
public final class JsonPlanView implements PlanView {

    private final PrintWriter out;

    public JsonPlanView(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void render(Plan plan) {
        out.print(PlanJson.write(plan));
        out.flush();
    }
}
