/**
 * What cogform.yaml may say and what its findings are called: each {@link dev.cogform.core.spec.Rule}'s
 * identity (the loader's {@link dev.cogform.core.spec.LoadRules}; refresh, plan and apply's
 * {@link dev.cogform.core.spec.RunRules}), Cognito's own constraints ({@link dev.cogform.core.spec.CognitoModel})
 * and the did-you-mean of unknown words. A leaf: {@code desired} (the reader), {@code rule} (the checks) and
 * the engines all refer to it, and it refers only to {@code diag}, so none of them has to refer to another
 * to name a finding.
 */
package dev.cogform.core.spec;
