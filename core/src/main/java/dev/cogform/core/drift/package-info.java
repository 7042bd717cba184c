/**
 * Drift reports: what {@code cogform drift} finds when it compares the live clients with the last
 * applied state and with cogform.yaml. {@link DriftDetector} is a pure function over the planner's
 * inputs (it reuses the planner's drift, observe-only); {@link SeverityRules}, {@link IgnoreRules} and
 * {@link Baseline} are policies applied to its findings. Nothing here writes Cognito or the state;
 * rendering lives in the CLI's views, which never recompute findings.
 */
package dev.cogform.core.drift;
