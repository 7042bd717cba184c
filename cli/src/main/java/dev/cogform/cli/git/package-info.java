/**
 * Reading git, with JGit, read-only: a stack's provenance for plans ({@link dev.cogform.cli.git.SourceControl}),
 * the stacks a branch changes ({@link dev.cogform.cli.git.ChangedStacks}) and a stack's files at a commit,
 * read from the object database without a checkout ({@link dev.cogform.cli.git.StackAtCommit}). JGit stays
 * in this package: the planner gets plain {@link dev.cogform.core.plan.GitProvenance} data. Every failure
 * is a {@link dev.cogform.cli.git.GitException} with a one-line message saying how to fix it.
 */
package dev.cogform.cli.git;
