package dev.cogform.cli.command;

import dev.cogform.cli.view.StateView;
import dev.cogform.core.diag.FileFailures;
import dev.cogform.core.state.StateException;
import dev.cogform.core.state.StateLock;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.core.state.StateStore;
import dev.cogform.state.format.StateCodec;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code cogform state push FILE}. */
@Command(name = "push", mixinStandardHelpOptions = true, description = "Replace the stored state with a state file (e.g. one saved with 'state pull').")
public final class StatePushCommand implements Callable<Integer> {

    @ParentCommand
    private StateCommand state;

    @Mixin
    private LockOptions lockOptions;

    @Parameters(paramLabel = "FILE", description = "A cogform state document; relative to the stack directory.")
    private Path file;

    @Option(names = "--force", description = "Also replace a state of another lineage, a newer serial, or an unreadable document.")
    private boolean force;

    @Override
    @SuppressWarnings("try") // the lock is held for the block's duration, not referenced in it
    public Integer call() {
        Path path = state.stackDir().resolve(file);
        StateSnapshot incoming = read(path);
        StateView view = state.view();
        StateStore store = state.store();
        try (store; StateLock lock = lockOptions.lock(store, "state push")) {
            view.pushed(path, store.location(), store.importSnapshot(incoming, force));
        } finally {
            view.warnings(store.drainWarnings());
        }
        return 0;
    }

    /** Larger files are refused unread: a state of 10,000 clients is about 15 MB. */
    static final long MAX_BYTES = 128L * 1024 * 1024;

    private static StateSnapshot read(Path path) {
        byte[] bytes;
        try {
            if (Files.exists(path) && !Files.isRegularFile(path)) {
                throw new StateException("cannot read " + path + ": it " + FileFailures.NOT_REGULAR
                        + "; nothing was changed");
            }
            if (Files.exists(path) && Files.size(path) > MAX_BYTES) {
                throw new StateException("cannot read " + path + ": it is larger than " + MAX_BYTES / (1024 * 1024)
                        + " MB, far more than any cogform state; check the path. Nothing was changed");
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new StateException("cannot read " + path + ": there is no such file (FILE is relative to the stack"
                    + " directory); nothing was changed", e);
        } catch (AccessDeniedException e) {
            throw new StateException("cannot read " + path + ": permission denied; nothing was changed", e);
        } catch (IOException e) {
            throw new StateException(path + " " + FileFailures.reading(path, e) + "; nothing was changed", e);
        }
        try {
            return StateCodec.standard().decode(bytes).snapshot();
        } catch (StateException e) {
            throw new StateException("cannot push " + path + ": " + e.getMessage() + "; nothing was changed", e);
        }
    }
}
