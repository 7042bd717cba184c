/**
 * The offline and live checks of cogform.yaml, grouped by topic: each check reports findings of a named
 * {@link dev.cogform.core.spec.Rule} with a stable id (such as {@code oauth.client-credentials-alone});
 * {@link dev.cogform.core.rule.Rulebook} lists every rule and runs the offline checks on loaded pools;
 * {@link dev.cogform.core.rule.LiveChecks} holds the ones that need the live pool and run at plan time.
 * Checks return diagnostics; they never throw for bad input. The rules the loader reports while it reads
 * the YAML live in {@code spec}, below both this package and {@code desired}.
 */
package dev.cogform.core.rule;
