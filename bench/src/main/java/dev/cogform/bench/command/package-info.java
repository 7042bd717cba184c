/**
 * The {@code cogform bench} command line: options, the text and JSON report, and its own entry
 * point, so the CLI module does not carry the harness.
 */
package dev.cogform.bench.command;
