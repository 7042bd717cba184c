package dev.cogform.state.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogform.core.state.StateLock;
import dev.cogform.core.state.StateLockedException;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.state.blob.BlobStateStore;
import dev.cogform.state.blob.Snapshots;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local lock between two JVMs: another process's OS lock, and its end when that process dies. */
@SuppressWarnings("try") // locks are held for a block, not referenced in it
class LocalLockProcessTest {

    @TempDir
    Path stack;
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopChildren() {
        children.forEach(Process::destroyForcibly);
    }

    private Process spawn(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolderMain.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        children.add(p);
        return p;
    }

    @Test
    void lockHeldByAnotherProcess_refusesLockAndWrites_untilThatProcessDies() throws Exception {
        Path file = stack.resolve(".cogform/state.json");
        BlobStateStore store = LocalStore.open(file);
        StateSnapshot base = store.write(store.read());
        Process holder = spawn("hold", file.toString());
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).startsWith("LOCKED ");
        String id = line.substring("LOCKED ".length());

        assertThatThrownBy(() -> store.lock("plan", Duration.ZERO))
                .isInstanceOfSatisfying(StateLockedException.class, e -> {
                    assertThat(e.holder().id()).isEqualTo(id);
                    assertThat(e.holder().pid()).isEqualTo(holder.pid());
                })
                .hasMessageContaining("for 'apply'").hasMessageContaining("stop process " + holder.pid());
        assertThatThrownBy(() -> store.write(Snapshots.with(base, "main.sneaky")))
                .isInstanceOf(StateLockedException.class).hasMessageContaining("another process holds the lock");
        assertThatThrownBy(() -> store.forceUnlock(id)).hasMessageContaining("running process " + holder.pid());
        assertThat(store.lockHolder()).hasValueSatisfying(h -> assertThat(h.id()).isEqualTo(id));

        holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        try (StateLock mine = store.lock("plan", Duration.ofSeconds(30))) {
            assertThat(mine.info().pid()).isEqualTo(ProcessHandle.current().pid());
        }
        assertThat(store.read()).isEqualTo(base);
    }

    @Test
    void lockHeldByAnotherProcess_isTakenOnceItReleases() throws Exception {
        Path file = stack.resolve("state.json");
        Process holder = spawn("hold", file.toString());
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).startsWith("LOCKED ");
        BlobStateStore store = LocalStore.open(file);
        assertThatThrownBy(() -> store.lock("plan", Duration.ZERO)).isInstanceOf(StateLockedException.class);

        try (Writer in = new OutputStreamWriter(holder.getOutputStream(), StandardCharsets.UTF_8)) {
            in.write("release\n");
        }
        assertThat(out.readLine()).isEqualTo("RELEASED");
        try (StateLock mine = store.lock("plan", Duration.ofSeconds(30))) {
            assertThat(mine.info().operation()).isEqualTo("plan");
        }
    }

    @Test
    void lockedUpdatesFromTwoProcesses_loseNothing() throws Exception {
        Path file = stack.resolve(".cogform/state.json");
        int n = 25;
        Process other = spawn("write", file.toString(), "child", String.valueOf(n));
        BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("READY");
        BlobStateStore store = LocalStore.open(file);
        Writer go = new OutputStreamWriter(other.getOutputStream(), StandardCharsets.UTF_8);
        go.write("go\n");
        go.flush();
        for (int i = 0; i < n; i++) {
            try (StateLock lock = store.lock("apply", Duration.ofSeconds(120))) {
                store.write(Snapshots.with(store.read(), "main.parent-" + i));
            }
        }
        assertThat(out.readLine()).isEqualTo("DONE");
        assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(other.exitValue()).isZero();

        StateSnapshot end = store.read();
        assertThat(end.clients()).hasSize(2 * n);
        assertThat(end.serial()).isEqualTo(2 * n);
    }
}
