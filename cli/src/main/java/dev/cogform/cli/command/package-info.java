/** One picocli class per command; each parses, calls the engine and hands the result to a view. */
package dev.cogform.cli.command;
