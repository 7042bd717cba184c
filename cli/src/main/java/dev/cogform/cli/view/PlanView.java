package dev.cogform.cli.view;

import dev.cogform.core.plan.Plan;

/** Renders a plan; never recomputes it. */
public interface PlanView {

    void render(Plan plan);
}
