/**
 * What is in Cognito now: the {@link dev.cogform.core.live.CognitoGateway} port the planner and
 * applier use, its value types, and its domain errors. No AWS SDK type appears here; the adapter
 * lives in {@code live.cognito}.
 */
package dev.cogform.core.live;
