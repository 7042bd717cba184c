/**
 * The validation rules of cogform.yaml, each a named {@link dev.cogform.core.rule.Rule} with a stable id
 * (such as {@code oauth.client-credentials-alone}), grouped by topic; {@link dev.cogform.core.rule.Rulebook}
 * lists them all. Offline rules run when a stack loads; {@link dev.cogform.core.rule.LiveChecks} holds the
 * ones that need the live pool and run at plan time. Rules return diagnostics; they never throw for bad input.
 */
package dev.cogform.core.rule;
