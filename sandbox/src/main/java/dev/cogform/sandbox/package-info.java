/**
 * The embedded Cognito sandbox: an HTTP server speaking Cognito's JSON 1.1 protocol for user pools,
 * app clients, identity providers and resource servers, with real Cognito's semantics (update
 * replaces the whole client, server-side defaults and validation, request-rate quotas, concurrent
 * modification) plus fault injection for tests. It shares no rule code with {@code desired}, so it
 * stays an independent check of cogform's own validator. It is not AWS and says so.
 * Entry point: {@link dev.cogform.sandbox.Sandbox}.
 */
package dev.cogform.sandbox;
