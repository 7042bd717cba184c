/**
 * Carrying out a plan: the {@link dev.cogform.core.apply.Applier} calls Cognito and records every
 * step in the state as it goes (a create's intent before the call, its client id right after), and
 * {@link dev.cogform.core.apply.SavedPlanCheck} refuses a saved plan the world has moved past. The
 * caller holds the state lock for the whole plan-and-apply.
 */
package dev.cogform.core.apply;
