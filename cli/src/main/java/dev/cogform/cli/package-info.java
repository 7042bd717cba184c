/**
 * The {@code cogform} command line: {@link dev.cogform.cli.Main} builds the picocli command tree and
 * maps failures to exit codes; commands orchestrate, views render. Nothing here computes a diff.
 */
package dev.cogform.cli;
