/**
 * End-to-end tests: the CLI as a user runs it ({@code Main.run} with {@code -C} on a generated stack, and
 * as a separate process for the kill test) against real servers — the embedded sandbox run as an HTTP
 * server, moto_server and cognito-local — with the AWS SDK changing things behind cogform's back.
 */
package dev.cogform.cli.e2e;
