package dev.cogform.state.local;

import dev.cogform.core.state.StateLock;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.state.blob.BlobStateStore;
import dev.cogform.state.blob.Snapshots;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The second process of {@link LocalLockProcessTest}. {@code hold FILE}: locks, prints
 * {@code LOCKED <id>}, and releases when a line arrives on stdin. {@code write FILE PREFIX N}: prints {@code READY}, waits for a line
 * on stdin, then runs N locked read-modify-write rounds, each adding client {@code main.PREFIX-i}; prints {@code DONE}.
 */
@SuppressWarnings("try") // locks are held for a block, not referenced in it
public final class LockHolderMain {

    private LockHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        BlobStateStore store = LocalStore.open(Path.of(args[1]));
        if (args[0].equals("hold")) {
            try (StateLock lock = store.lock("apply", Duration.ZERO)) {
                System.out.println("LOCKED " + lock.info().id());
                System.out.flush();
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
            System.out.println("RELEASED");
        } else {
            int n = Integer.parseInt(args[3]);
            System.out.println("READY");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            for (int i = 0; i < n; i++) {
                try (StateLock lock = store.lock("apply", Duration.ofSeconds(120))) {
                    StateSnapshot s = store.read();
                    store.write(Snapshots.with(s, "main." + args[2] + "-" + i));
                }
            }
            System.out.println("DONE");
        }
        System.out.flush();
    }
}
