/**
 * Plans as plain data and the pure {@link dev.cogform.core.plan.Planner} that makes them from the
 * desired state, the recorded state and a live snapshot. Drift (live differs from what was applied)
 * is kept apart from changes (desired differs from live); each change is a record of its action
 * ({@link dev.cogform.core.plan.ResourceChange}). {@link dev.cogform.core.plan.PlanFile} is the
 * versioned saved-plan format and the plan digest; rendering a plan, {@code --json} included, belongs
 * to the CLI's views, which read a plan and never recompute it.
 */
package dev.cogform.core.plan;
