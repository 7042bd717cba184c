/**
 * Plans as plain data and the pure {@link dev.cogform.core.plan.Planner} that makes them from the
 * desired state, the recorded state and a live snapshot. Drift (live differs from what was applied)
 * is kept apart from changes (desired differs from live). {@link dev.cogform.core.plan.PlanJson} is
 * the one versioned JSON form, used for saved plans, {@code --json} and the plan digest.
 */
package dev.cogform.core.plan;
