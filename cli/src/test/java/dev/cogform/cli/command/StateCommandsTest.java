package dev.cogform.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogform.cli.Main;
import dev.cogform.core.desired.StackFile;
import dev.cogform.cli.wiring.Wiring;
import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.desired.StateConfig;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.state.PendingCreate;
import dev.cogform.core.state.StateLock;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.core.state.StateStore;
import dev.cogform.core.testing.Peers;
import dev.cogform.state.StateBackends;
import dev.cogform.state.backend.StateBackend;
import dev.cogform.core.testing.peers.Peer;
import dev.cogform.core.testing.peers.WithPeers;
import dev.cogform.state.blob.BlobStateStore;
import dev.cogform.state.blob.Snapshots;
import dev.cogform.state.local.LocalStore;
import dev.cogform.state.s3.S3Location;
import dev.cogform.state.s3.S3Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** The {@code cogform state} commands end to end through {@link Main#run}, on a local file and on moto's S3. */
class StateCommandsTest {

    @TempDir
    Path stack;

    record Result(int exit, String out, String err) {
    }

    @BeforeAll
    static void credentials() {
        // The S3 store uses AWS's default credential chain; moto accepts any key.
        System.setProperty("aws.accessKeyId", "cogform-test");
        System.setProperty("aws.secretAccessKey", "cogform-test");
    }

    private Result cogform(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "-C";
        all[1] = stack.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Result(exit, out.toString(), err.toString());
    }

    /** A cogform.yaml whose only valid part is {@code state:}; the state commands must not care. */
    private void stackFile(String stateBlock) throws IOException {
        Files.writeString(stack.resolve("cogform.yaml"), "provider:\n  region: [this, is, not, valid]\n"
                + stateBlock + "pools:\n  main:\n    clients: 42\n");
    }

    private static StateSnapshot seed(StateStore store) {
        StateSnapshot s = Snapshots.with(Snapshots.with(store.read(), "main.web"), "main.api");
        return store.write(Snapshots.withPending(s, "other.worker"));
    }

    private static List<String> addresses(StateSnapshot s) {
        return s.clients().keySet().stream().map(ClientAddress::toString).toList();
    }

    @Test
    void stateCommands_onALocalFile() throws IOException {
        stackFile("state:\n  backend: local\n  path: data/state.json\n");
        BlobStateStore store = LocalStore.open(stack.resolve("data/state.json"));
        StateSnapshot seeded = seed(store);

        Result list = cogform("state", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).isEqualTo("main.api\nmain.web\n");
        assertThat(list.err()).contains("other.worker has a pending create");

        Result show = cogform("state", "show", "main.web");
        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(show.out()).contains("# main.web").contains(seeded.client(ClientAddress.parse("main.web")).orElseThrow().clientId())
                .contains("settings:").contains("https://web.example.com/callback").doesNotContain("client_secret");
        Result missing = cogform("state", "show", "main.nope");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("main.nope is not in the state " + stack.resolve("data/state.json"));

        Result pull = cogform("state", "pull");
        assertThat(pull.exit()).isZero();
        JsonNode pulled = new ObjectMapper().readTree(pull.out());
        assertThat(pulled.get("lineage").asText()).isEqualTo(seeded.lineage());
        assertThat(pulled.get("serial").asLong()).isEqualTo(1);
        Files.writeString(stack.resolve("saved.json"), pull.out());

        Result rm = cogform("state", "rm", "main.api");
        assertThat(rm.exit()).as(rm.err()).isZero();
        assertThat(rm.out()).contains("Removed main.api").contains("stays in Cognito");
        assertThat(addresses(store.read())).containsExactly("main.web");

        Result mv = cogform("state", "mv", "main.web", "main.site");
        assertThat(mv.exit()).as(mv.err()).isZero();
        StateSnapshot afterMv = store.read();
        assertThat(addresses(afterMv)).containsExactly("main.site");
        assertThat(afterMv.client(ClientAddress.parse("main.site")).orElseThrow().clientId())
                .isEqualTo(seeded.client(ClientAddress.parse("main.web")).orElseThrow().clientId());
        assertThat(afterMv.serial()).isEqualTo(3);

        Result stalePush = cogform("state", "push", "saved.json");
        assertThat(stalePush.exit()).isEqualTo(1);
        assertThat(stalePush.err()).contains("older serial 1").contains("--force");
        assertThat(store.read()).isEqualTo(afterMv);
        Result forcedPush = cogform("state", "push", "--force", "saved.json");
        assertThat(forcedPush.exit()).as(forcedPush.err()).isZero();
        StateSnapshot pushed = store.read();
        assertThat(addresses(pushed)).containsExactly("main.api", "main.web");
        assertThat(pushed.serial()).isEqualTo(4);

        Result migrate = cogform("state", "migrate", "--to", "file:moved/state.json");
        assertThat(migrate.exit()).as(migrate.err()).isZero();
        assertThat(migrate.out()).contains("verified");
        assertThat(LocalStore.open(stack.resolve("moved/state.json")).read()).isEqualTo(pushed);
    }

    @Test
    void forgetPending_dropsOnlyThatIntent_andRefusesAnAddressWithoutOne() throws IOException {
        stackFile("state:\n  backend: local\n  path: data/state.json\n");
        BlobStateStore store = LocalStore.open(stack.resolve("data/state.json"));
        StateSnapshot seeded = seed(store);

        Result none = cogform("state", "forget-pending", "main.web");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("main.web has no pending create").contains("nothing was changed");
        assertThat(store.read()).isEqualTo(seeded);

        Result forgot = cogform("state", "forget-pending", "other.worker");
        assertThat(forgot.exit()).as(forgot.err()).isZero();
        assertThat(forgot.out()).contains("Forgot the pending create of other.worker").contains("State saved at serial 2");
        assertThat(store.read().pending()).isEmpty();
        assertThat(store.read().clients()).isEqualTo(seeded.clients());
    }

    @Test
    void forgetPending_alsoDropsTheLaterIntentsOfItsBatch_neverTheEarlierOnesOrOtherBatches() throws IOException {
        stackFile("");
        BlobStateStore store = LocalStore.open(stack.resolve(StateConfig.DEFAULT_PATH));
        java.time.Instant batch = java.time.Instant.parse("2024-05-01T12:00:00Z");
        StateSnapshot s = store.read();
        for (String c : List.of("c0", "c1", "c2", "c3")) { // one batch, sent in this order
            s = s.withPending(new PendingCreate(ClientAddress.parse("main." + c), "eu-west-1_main", c, batch,
                    Duration.ofSeconds(120), Duration.ofSeconds(60)));
        }
        s = s.withPending(new PendingCreate(ClientAddress.parse("main.other"), "eu-west-1_main", "other",
                batch.plusSeconds(1), Duration.ofSeconds(120), Duration.ofSeconds(60)));
        store.write(s);

        Result forgot = cogform("state", "forget-pending", "main.c2");

        assertThat(forgot.exit()).as(forgot.err()).isZero();
        assertThat(forgot.out()).contains("Forgot the pending create of main.c2", "Forgot the pending create of main.c3");
        assertThat(store.read().pending()).extracting(p -> p.address().toString())
                .containsExactly("main.c0", "main.c1", "main.other");
    }

    @Test
    void lockedState_givesExit1NamingTheHolder_untilUnlocked() throws IOException {
        stackFile("");
        BlobStateStore store = LocalStore.open(stack.resolve(StateConfig.DEFAULT_PATH));
        seed(store);
        StateLock held = store.lock("apply", Duration.ZERO);

        Result locked = cogform("state", "rm", "main.api");
        assertThat(locked.exit()).isEqualTo(1);
        assertThat(locked.err()).contains("is locked by").contains("for 'apply'").contains(held.info().id())
                .contains("since " + held.info().created());
        Result waited = cogform("state", "rm", "--lock-timeout", "1s", "main.api");
        assertThat(waited.exit()).isEqualTo(1);
        assertThat(waited.err()).contains("gave up after waiting 1s");
        Result zero = cogform("state", "rm", "--lock-timeout", "0", "main.api");
        assertThat(zero.exit()).isEqualTo(1);
        assertThat(zero.err()).contains("is locked by");
        Result badTimeout = cogform("state", "rm", "--lock-timeout", "soon", "main.api");
        assertThat(badTimeout.exit()).isEqualTo(1);
        assertThat(badTimeout.err()).contains("'soon' is not a duration");
        assertThat(addresses(store.read())).containsExactly("main.api", "main.web");

        Result wrongId = cogform("state", "unlock", "not-the-id");
        assertThat(wrongId.exit()).isEqualTo(1);
        assertThat(wrongId.err()).contains(held.info().id());
        Result unlock = cogform("state", "unlock", held.info().id());
        assertThat(unlock.exit()).as(unlock.err()).isZero();
        assertThat(cogform("state", "rm", "main.api").exit()).isZero();
        held.close();
        assertThat(addresses(store.read())).containsExactly("main.web");
    }

    @Test
    void migrate_toWhereTheStateAlreadyIs_saysSo_andLeavesNoLockBehind() throws IOException {
        stackFile("");
        BlobStateStore store = LocalStore.open(stack.resolve(StateConfig.DEFAULT_PATH));
        StateSnapshot seeded = seed(store);

        Result same = cogform("state", "migrate", "--to", "file:./.cogform/../.cogform/state.json");

        assertThat(same.exit()).isEqualTo(1);
        assertThat(same.err()).contains("is where the state already is").doesNotContain("locked by");
        assertThat(store.read()).isEqualTo(seeded);
        try (StateLock free = store.lock("test", Duration.ZERO)) {
            assertThat(free.info().operation()).isEqualTo("test");
        }
    }

    @Test
    void mv_toAnAddressNoStackCanWrite_isRefused_andNothingChanges() throws IOException {
        stackFile("");
        BlobStateStore store = LocalStore.open(stack.resolve(StateConfig.DEFAULT_PATH));
        StateSnapshot seeded = seed(store);

        for (String bad : List.of("Main.web", "main.Web", "main.-web", "main.we b")) {
            Result r = cogform("state", "mv", "main.web", bad);
            assertThat(r.exit()).as(bad).isEqualTo(1);
            assertThat(r.err()).as(bad).contains("'" + bad + "' cannot be an address").contains("lower-case");
        }
        assertThat(store.read()).isEqualTo(seeded);
        assertThat(cogform("state", "mv", "main.web", "main.web_2-b").exit()).isZero();
    }

    @Test
    void push_ofAMissingFile_saysThereIsNoSuchFile() throws IOException {
        stackFile("");
        BlobStateStore store = LocalStore.open(stack.resolve(StateConfig.DEFAULT_PATH));
        StateSnapshot seeded = seed(store);

        Result r = cogform("state", "push", "nope.json");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().asString()
                .contains(stack.resolve("nope.json").toString()).contains("no such file").contains("nothing was changed");
        assertThat(store.read()).isEqualTo(seeded);
    }

    @Test
    void damagedStateFile_givesExit1NamingTheFileAndBackup_andIsLeftAsIs() throws IOException {
        stackFile("");
        Path file = stack.resolve(StateConfig.DEFAULT_PATH);
        BlobStateStore store = LocalStore.open(file);
        store.write(Snapshots.with(seed(store), "main.more"));
        byte[] damaged = Files.readString(file).replace("main.more", "main.mess").getBytes(StandardCharsets.UTF_8);
        Files.write(file, damaged);

        for (String[] command : List.of(new String[] {"state", "list"}, new String[] {"state", "rm", "main.api"})) {
            Result r = cogform(command);
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).contains(file.toString()).contains("checksum does not match")
                    .contains(file + ".backup").contains("untouched");
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(damaged);
    }

    @Test
    void invalidStateBlock_isReportedWithItsPosition() throws IOException {
        stackFile("state:\n  backend: s3\n  bucket: b\n  path: x.json\n");
        Result r = cogform("state", "list");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("cogform.yaml:6:9").contains("error[state.backend]")
                .contains("state.path applies only to backend local");

        stackFile("state:\n  backend: s3\n  bucket: b\n");
        assertThat(cogform("state", "list").err()).contains("state backend s3 needs key");
        stackFile("state:\n  backend: ftp\n");
        assertThat(cogform("state", "list").err()).contains("state backend 'ftp' is unknown");
        stackFile("state:\n  backend: s3\n  bucket: ${var.bucket}\n  key: k\n");
        assertThat(cogform("state", "list").err()).contains("error[var.unresolved]")
                .contains("${var.bucket} is not resolved here: state commands read state settings literally");
        Files.delete(stack.resolve("cogform.yaml"));
        assertThat(cogform("state", "list").err()).contains("error[stack.missing]").contains("no cogform.yaml in " + stack);
    }

    @Test
    void stateBlock_acceptsExactlyTheKeysEachRegisteredBackendTakes() throws IOException {
        for (StateBackend backend : StateBackends.standard().backends()) {
            StringBuilder block = new StringBuilder("state:\n  backend: " + backend.name() + "\n");
            backend.configKeys().stream().sorted().forEach(k -> block.append("  ").append(k)
                    .append(k.equals("endpoint") ? ": http://127.0.0.1:9\n" : ": v\n"));
            stackFile(block.toString());
            StackFile.StateBlock read = StackFile.readState(stack);
            assertThat(read.diagnostics()).as(backend.name()).isEmpty();
            assertThat(read.state().backend()).as(backend.name()).isEqualTo(backend.name());

            stackFile(block + "  not_a_key: v\n");
            Result r = cogform("state", "list");
            assertThat(r.err()).as(backend.name()).contains("unknown key `not_a_key` in state");
        }
    }

    @Test
    void wiring_putsTheDefaultLocalStateInTheStack_andResolvesRelativePaths() {
        DesiredState stack = new DesiredState(this.stack, null, null, List.of(), "digest");
        assertThat(Wiring.stateStore(stack).location()).isEqualTo(this.stack.resolve(".cogform/state.json").toString());
        DesiredState custom = new DesiredState(this.stack, null,
                new StateConfig(StateConfig.LOCAL, "states/prod.json", null, null, null, null, null), List.of(), "digest");
        assertThat(Wiring.stateStore(custom).location()).isEqualTo(this.stack.resolve("states/prod.json").toString());
        DesiredState s3 = new DesiredState(this.stack, null,
                new StateConfig(StateConfig.S3, null, "bucket-x", "a/b.json", "eu-west-1", null, null), List.of(), "digest");
        assertThat(Wiring.stateStore(s3).location()).isEqualTo("s3://bucket-x/a/b.json");
    }

    @Test
    @WithPeers(Peer.MOTO)
    void stateCommands_onMotoS3_andMigrationFromALocalFile() throws IOException {
        String endpoint = Peers.moto().toString();
        String bucket = "cogform-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        S3Location location = new S3Location(bucket, "stacks/prod/state.json", "us-east-1", endpoint, null);
        try (S3Client s3 = S3Store.client(location)) {
            s3.createBucket(b -> b.bucket(bucket));
        }
        stackFile("state:\n  backend: s3\n  bucket: " + bucket + "\n  key: stacks/prod/state.json\n  region: us-east-1\n"
                + "  endpoint: " + endpoint + "\n");
        try (BlobStateStore store = S3Store.open(location)) {
            StateSnapshot seeded = seed(store);

            Result list = cogform("state", "list");
            assertThat(list.exit()).as(list.err()).isZero();
            assertThat(list.out()).isEqualTo("main.api\nmain.web\n");
            assertThat(cogform("state", "show", "main.api").out()).contains("client_name:      api-app");
            assertThat(new ObjectMapper().readTree(cogform("state", "pull").out()).get("lineage").asText())
                    .isEqualTo(seeded.lineage());

            StateLock held = store.lock("apply", Duration.ZERO);
            Result locked = cogform("state", "rm", "main.api");
            assertThat(locked.exit()).isEqualTo(1);
            assertThat(locked.err()).contains("s3://" + bucket + "/stacks/prod/state.json is locked")
                    .contains("cogform state unlock " + held.info().id());
            Result unlock = cogform("state", "unlock", held.info().id());
            assertThat(unlock.exit()).as(unlock.err()).isZero();
            assertThat(store.lockHolder()).isEmpty();
            held.close();

            Result rm = cogform("state", "rm", "main.api");
            assertThat(rm.exit()).as(rm.err()).isZero();
            assertThat(addresses(store.read())).containsExactly("main.web");
        }

        // From a local state to a new S3 key: lineage and serial kept, then read back.
        Path otherStack = stack.resolve("other");
        Files.createDirectories(otherStack);
        BlobStateStore local = LocalStore.open(otherStack.resolve(StateConfig.DEFAULT_PATH));
        StateSnapshot localState = local.write(Snapshots.with(seed(local), "main.third"));
        Files.writeString(otherStack.resolve("cogform.yaml"), "pools: {}\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "-C", otherStack.toString(),
                "state", "migrate", "--to", "s3://" + bucket + "/migrated.json", "--to-endpoint", endpoint,
                "--to-region", "us-east-1");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("serial 2").contains("s3://" + bucket + "/migrated.json");
        try (BlobStateStore migrated = S3Store.open(new S3Location(bucket, "migrated.json", "us-east-1", endpoint, null))) {
            assertThat(migrated.read()).isEqualTo(localState);
        }
    }
}
