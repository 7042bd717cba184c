package dev.cogform.cli.git;

/** A git problem the user can fix (not a repository, unknown ref, shallow clone); its message says how. */
public final class GitException extends RuntimeException {

    public GitException(String message) {
        super(message);
    }

    public GitException(String message, Throwable cause) {
        super(message, cause);
    }
}
