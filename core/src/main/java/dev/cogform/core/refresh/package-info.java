/**
 * Reading what is in Cognito before planning: the managed clients named by the state, the client
 * lists of every managed pool, and the pool's identity providers and scopes for live checks. The
 * result, a {@link dev.cogform.core.refresh.LiveSnapshot}, is plain data the pure planner reads.
 */
package dev.cogform.core.refresh;
