/**
 * The AWS SDK for Java v2 adapter of {@link dev.cogform.core.live.CognitoGateway}: request mapping,
 * request-rate limiting per Cognito quota, retries of throttling and concurrent modification, and
 * error mapping to {@link dev.cogform.core.live.GatewayException}. The only core package that
 * imports {@code software.amazon.*} (a test checks it); everything else sees the port.
 */
package dev.cogform.core.live.cognito;
