package dev.cogform.cli.command;

import dev.cogform.cli.wiring.Wiring;
import dev.cogform.cli.view.StateView;
import dev.cogform.core.state.StateException;
import dev.cogform.core.state.StateLock;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.core.state.StateStore;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code cogform state migrate --to s3://BUCKET/KEY | --to file:PATH}: copies the state to another store
 * under the locks of both, keeping lineage and serial, and reads the copy back to verify it. The
 * source is left in place; cogform.yaml is not edited.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Copy the state to another store, keeping its lineage and serial.")
public final class StateMigrateCommand implements Callable<Integer> {

    @ParentCommand
    private StateCommand state;

    @Mixin
    private LockOptions lockOptions;

    @Option(names = "--to", required = true, paramLabel = "TARGET",
            description = "s3://BUCKET/KEY, or file:PATH (relative to the stack directory).")
    private String target;

    @Option(names = "--to-region", paramLabel = "REGION", description = "The region of the target bucket.")
    private String region;

    @Option(names = "--to-endpoint", paramLabel = "URL", description = "An S3-compatible endpoint for the target.")
    private String endpoint;

    @Option(names = "--to-kms-key-id", paramLabel = "KEY", description = "Encrypt the target with SSE-KMS and this key.")
    private String kmsKeyId;

    @Option(names = "--force", description = "Replace a state of another lineage or a newer serial at the target.")
    private boolean force;

    @Override
    @SuppressWarnings("try") // the lock is held for the block's duration, not referenced in it
    public Integer call() {
        StateView view = state.view();
        StateStore source = state.store();
        StateStore destination = destination();
        if (source.location().equals(destination.location())) {
            // Before locking: the second lock on the same state would report this very run as its holder.
            source.close();
            destination.close();
            throw new StateException("the target " + destination.location() + " is where the state already is;"
                    + " nothing to migrate");
        }
        try (source; destination;
             StateLock sourceLock = lockOptions.lock(source, "migrate (source)");
             StateLock destinationLock = lockOptions.lock(destination, "migrate (destination)")) {
            StateSnapshot snapshot = source.read();
            if (snapshot.serial() == 0) {
                throw new StateException("nothing to migrate: no state is stored at " + source.location());
            }
            StateSnapshot written = destination.importSnapshot(snapshot, force);
            StateSnapshot copy = destination.read();
            if (!copy.equals(written) || !copy.lineage().equals(snapshot.lineage())
                    || !copy.clients().equals(snapshot.clients()) || !copy.pending().equals(snapshot.pending())) {
                throw new StateException("the copy at " + destination.location() + " does not read back as the state of "
                        + source.location() + "; the source was left unchanged");
            }
            view.migrated(source.location(), destination.location(), copy);
        } finally {
            view.warnings(source.drainWarnings());
            view.warnings(destination.drainWarnings());
        }
        return 0;
    }

    private StateStore destination() {
        // Keys are backend settings; a backend that does not take one refuses it, naming the target's form.
        Map<String, String> options = new HashMap<>();
        options.put("region", region);
        options.put("endpoint", endpoint);
        options.put("kms_key_id", kmsKeyId);
        return Wiring.migrationTarget(target, options, state.stackDir());
    }
}
