package dev.cogform.state.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogform.core.model.Analytics;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.model.SecretDescriptor;
import dev.cogform.core.model.RefreshTokenRotation;
import dev.cogform.core.model.SettingsJson;
import dev.cogform.core.state.ClientRecord;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.state.blob.Snapshots;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the state document format with golden files under {@code src/test/resources/statefile}.
 * Regenerate them only on purpose, with {@code -Dgolden.update=true}, and review the diff.
 */
class StateCodecTest {

    private static final Path GOLDEN = Path.of("src/test/resources/statefile");
    private static final String TOOL = "0.0.0-golden";
    private static final StateCodec CODEC = new StateCodec(TOOL, StateCodec.UPGRADES);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A synthetic older format for exercising the upgrade path: {@code clients} was a list with addresses. */
    private static final FormatUpgrade V0_TO_V1 = new FormatUpgrade() {
        @Override
        public int from() {
            return 0;
        }

        @Override
        public ObjectNode upgrade(ObjectNode doc) {
            ArrayNode list = (ArrayNode) doc.remove("clients");
            ObjectNode byAddress = doc.putObject("clients");
            for (JsonNode c : list) {
                ObjectNode copy = ((ObjectNode) c).deepCopy();
                byAddress.set(copy.remove("address").asText(), copy);
            }
            doc.putArray("pending");
            return doc;
        }
    };

    /** {@link #fullV2()} with what format 3 adds: secret ids and dates of a rotating client. */
    static StateSnapshot full() {
        ClientAddress web = ClientAddress.parse("main.web");
        StateSnapshot s = fullV2();
        return s.withClient(s.client(web).orElseThrow().withSecrets(List.of(
                new SecretDescriptor("4ab3c2d1e0f9g8h7i6j5k4l3m2-7", Instant.parse("2026-03-01T00:00:00Z")),
                new SecretDescriptor("4ab3c2d1e0f9g8h7i6j5k4l3m2-0", Instant.parse("2025-12-01T10:00:00Z")))));
    }

    /** The state the older golden files hold: no secrets recorded. */
    static StateSnapshot fullV2() {
        AppClientSettings rich = AppClientSettings.builder("Web app")
                .generateSecret(true)
                .accessTokenValiditySeconds(900)
                .explicitAuthFlows(List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"))
                .callbackUrls(List.of("https://b.example.com/cb", "https://a.example.com/cb"))
                .allowedOAuthFlows(List.of("code"))
                .allowedOAuthScopes(List.of("openid"))
                .allowedOAuthFlowsUserPoolClient(true)
                .analytics(new Analytics(null, "arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc", null, null, true))
                .refreshTokenRotation(new RefreshTokenRotation(RefreshTokenRotation.ENABLED, 30))
                .build();
        ClientAddress web = ClientAddress.parse("main.web");
        StateSnapshot s = new StateSnapshot("6f1c1f55-2d4b-4a53-a6b8-0d5d1c1b7a10", 42, Map.of(
                web, new ClientRecord(web, "us-east-1_AbCdEf", "4ab3c2d1e0f9g8h7i6j5k4l3m2", "Web app", rich,
                        "sha256:feedface", true, Instant.parse("2026-01-02T03:04:05.123Z"))), List.of());
        s = s.withClient(Snapshots.client("main.api"));
        ClientAddress bare = ClientAddress.parse("other.imported");
        s = s.withClient(new ClientRecord(bare, "eu-west-1_Zz", "zz99", "imported", null, null, false, null));
        return Snapshots.withPending(s, "main.worker");
    }

    static StateSnapshot empty() {
        return new StateSnapshot("0c7d6f2a-9a8e-4a44-9b25-5ad7b3b0f001", 1, Map.of(), List.of());
    }

    private static void assertGolden(String name, byte[] actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(file.getParent());
            Files.write(file, actual);
        }
        assertThat(file).as("golden file %s (regenerate with -Dgolden.update=true)", file).exists();
        assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(Files.readString(file));
    }

    private static byte[] golden(String name) throws IOException {
        return Files.readAllBytes(GOLDEN.resolve(name));
    }

    @Test
    void decode_ofAPendingCreateWrittenWithoutItsTimeout_givesItTheDefaults() throws IOException {
        // Written before intents recorded their timeout and margin: the same intents, with the defaults.
        DecodedState decoded = CODEC.decode(golden("compat/v1-pending-without-timeout.json"));
        // Version 1 had no secret ids either.
        StateSnapshot full = full();
        var clients = new java.util.TreeMap<>(full.clients());
        clients.replaceAll((a, r) -> r.withSecrets(java.util.List.of()));

        assertThat(decoded.snapshot()).isEqualTo(new StateSnapshot(full.lineage(), full.serial(), clients, full.pending()));
        assertThat(decoded.snapshot().pending()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.timeout()).isEqualTo(dev.cogform.core.state.PendingCreate.DEFAULT_TIMEOUT);
            assertThat(p.margin()).isEqualTo(dev.cogform.core.state.PendingCreate.DEFAULT_MARGIN);
        });
    }

    @Test
    void encode_matchesTheGoldenFiles() throws IOException {
        assertGolden("roundtrip/v3-full.json", CODEC.encode(full()).bytes());
        assertGolden("roundtrip/v3-empty.json", CODEC.encode(empty()).bytes());
    }

    @Test
    void decode_ofTheGoldenFiles_givesTheSnapshotsBack() throws IOException {
        DecodedState decoded = CODEC.decode(golden("roundtrip/v3-full.json"));
        assertThat(decoded.snapshot()).isEqualTo(full());
        assertThat(decoded.formatVersion()).isEqualTo(3);
        assertThat(decoded.toolVersion()).isEqualTo(TOOL);
        assertThat(CODEC.decode(golden("roundtrip/v3-empty.json")).snapshot()).isEqualTo(empty());
        assertThat(StateCodec.standard().decode(golden("roundtrip/v3-full.json")).snapshot()).isEqualTo(full());
    }

    @Test
    void encode_writesSecretIdsAndDatesOldestFirst_andNoSecretsMemberWithoutRotation() throws IOException {
        String text = new String(golden("roundtrip/v3-full.json"), StandardCharsets.UTF_8);
        assertThat(text.indexOf("4ab3c2d1e0f9g8h7i6j5k4l3m2-0")).isLessThan(text.indexOf("4ab3c2d1e0f9g8h7i6j5k4l3m2-7"));
        JsonNode doc = JSON.readTree(text);
        assertThat(doc.at("/clients/main.web/secrets/0/created").asText()).isEqualTo("2025-12-01T10:00:00Z");
        assertThat(doc.at("/clients/main.api").has("secrets")).isFalse();
    }

    /** Version 2 files (as that cogform wrote them) read as version 3 with no secrets; written back, as 3. */
    @Test
    void decode_ofVersion2_upgradesToVersion3WithNoSecrets() throws IOException {
        DecodedState decoded = CODEC.decode(golden("upgrade/v2-full.json"));
        assertThat(decoded.formatVersion()).isEqualTo(2);
        assertThat(decoded.snapshot()).isEqualTo(fullV2());
        assertThat(decoded.snapshot().clients().values()).allSatisfy(r -> assertThat(r.secrets()).isEmpty());
        assertThat(CODEC.decode(golden("upgrade/v2-empty.json")).snapshot()).isEqualTo(empty());
        assertThat(JSON.readTree(CODEC.encode(decoded.snapshot()).bytes()).get("version").asInt()).isEqualTo(3);
    }

    @Test
    void decode_ofDamagedSecrets_namesWhere() throws IOException {
        byte[] good = golden("roundtrip/v3-full.json");
        assertThatThrownBy(() -> CODEC.decode(rewrite(good, doc -> ((ObjectNode) doc.get("clients").get("main.web"))
                .put("secrets", "x"))))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("\"clients.main.web.secrets\" is not a list");
        assertThatThrownBy(() -> CODEC.decode(rewrite(good, doc -> ((ObjectNode) doc.at("/clients/main.web/secrets/1"))
                .remove("created"))))
                .isInstanceOf(CorruptStateException.class)
                .hasMessageContaining("\"clients.main.web.secrets[1].created\" is missing");
    }

    @Test
    void settingsKeys_arePinnedByTheFormatVersion() {
        assertThat(SettingsJson.keys())
                .as("AppClientSettings changed shape: raise StateCodec.VERSION, pin the new SETTINGS_KEYS and add a"
                        + " SettingsDefaultsUpgrade step from the old version, with golden files of both")
                .isEqualTo(StateCodec.SETTINGS_KEYS);
    }

    @Test
    void decode_ofEveryOlderGoldenFile_upgradesToTheSameSnapshot() throws IOException {
        DecodedState v1 = StateCodec.standard().decode(golden("upgrade/v1-full.json"));
        assertThat(v1.formatVersion()).isEqualTo(1);
        assertThat(v1.snapshot()).isEqualTo(fullV2());
        assertThat(StateCodec.standard().decode(golden("upgrade/v1-empty.json")).snapshot()).isEqualTo(empty());
        DecodedState v2 = StateCodec.standard().decode(golden("upgrade/v2-full.json"));
        assertThat(v2.formatVersion()).isEqualTo(2);
        assertThat(v2.snapshot()).isEqualTo(fullV2());
    }

    @Test
    void decode_ofAVersion1DocumentLackingLaterFields_fillsCognitosDefaults() throws IOException {
        // What a build from before these fields existed wrote: read as false/0, enable_token_revocation
        // would differ from Cognito's default (true) on every client.
        List<String> later = List.of("enable_token_revocation", "enable_propagate_additional_user_context_data",
                "refresh_token_rotation", "auth_session_validity_seconds", "prevent_user_existence_errors");
        assertGolden("upgrade/v1-missing-fields.json", rewrite(golden("upgrade/v1-full.json"), doc -> {
            for (JsonNode c : doc.get("clients")) {
                if (c.get("settings") instanceof ObjectNode settings) {
                    settings.remove(later);
                }
            }
        }));
        StateSnapshot read = StateCodec.standard().decode(golden("upgrade/v1-missing-fields.json")).snapshot();
        AppClientSettings web = read.client(ClientAddress.parse("main.web")).orElseThrow().applied();
        assertThat(web.enableTokenRevocation()).isTrue();
        assertThat(web.enablePropagateAdditionalUserContextData()).isFalse();
        assertThat(web.refreshTokenRotation()).isEqualTo(RefreshTokenRotation.DEFAULT);
        assertThat(web.authSessionValiditySeconds()).isEqualTo(AppClientSettings.DEFAULT_AUTH_SESSION_SECONDS);
        assertThat(web.preventUserExistenceErrors()).isEqualTo(AppClientSettings.DEFAULT_PREVENT_USER_EXISTENCE_ERRORS);
        assertThat(web.accessTokenValiditySeconds()).as("a field that was there is kept").isEqualTo(900);
        StateSnapshot expected = fullV2().withClient(withRotation(fullV2(), "main.web", RefreshTokenRotation.DEFAULT));
        assertThat(read).isEqualTo(expected);
    }

    @Test
    void decode_ofAVersion2DocumentLackingASettingsField_isDamage() throws IOException {
        byte[] lacking = rewrite(golden("upgrade/v2-full.json"),
                doc -> ((ObjectNode) doc.get("clients").get("main.web").get("settings")).remove("enable_token_revocation"));
        assertThatThrownBy(() -> CODEC.decode(lacking)).isInstanceOf(CorruptStateException.class)
                .hasMessageContaining("clients.main.web.settings").hasMessageContaining("enable_token_revocation");
    }

    @Test
    void decode_ofANewerVersion_isRefusedAsNewerNotDamaged() throws IOException {
        assertGolden("reject/v99-newer.json", rewrite(golden("roundtrip/v3-empty.json"), doc -> {
            doc.put("version", 99);
            doc.put("tool_version", "9.0.0");
            doc.put("something_new", true);
        }));
        assertThatThrownBy(() -> CODEC.decode(golden("reject/v99-newer.json")))
                .isInstanceOf(NewerStateException.class)
                .hasMessageContaining("written by a newer cogform (9.0.0) in state format version 99")
                .hasMessageContaining("reads format versions up to 3").hasMessageContaining("upgrade cogform")
                .hasMessageContaining("not damaged").hasMessageNotContaining("backup");
    }

    @Test
    void anOlderBuild_refusesTheCurrentVersionAsNewer_andReadsItsOwn() throws IOException {
        StateCodec version1Build = new StateCodec("0.0.1", 1, List.of());
        assertThatThrownBy(() -> version1Build.decode(golden("upgrade/v2-full.json")))
                .isInstanceOf(NewerStateException.class)
                .hasMessageContaining("written by a newer cogform (" + TOOL + ") in state format version 2")
                .hasMessageContaining("reads format versions up to 1");
        assertThat(version1Build.decode(golden("upgrade/v1-full.json")).snapshot()).isEqualTo(fullV2());
        // A build from before rotation refuses the secrets' format instead of rewriting the state without them.
        StateCodec version2Build = new StateCodec("0.0.2", 2, List.of(StateCodec.UPGRADES.get(0)));
        assertThatThrownBy(() -> version2Build.decode(golden("roundtrip/v3-full.json")))
                .isInstanceOf(NewerStateException.class)
                .hasMessageContaining("in state format version 3").hasMessageContaining("reads format versions up to 2");
        assertThat(version2Build.decode(golden("upgrade/v2-full.json")).snapshot()).isEqualTo(fullV2());
    }

    @Test
    void anUnknownSettingsField_fromANewerBuild_isNewerNotDamage() throws IOException {
        assertGolden("reject/v2-unknown-field-newer-tool.json", rewrite(golden("upgrade/v2-full.json"), doc -> {
            doc.put("tool_version", "99.0.0");
            ((ObjectNode) doc.get("clients").get("main.web").get("settings")).put("some_future_field", true);
        }));
        assertThatThrownBy(() -> CODEC.decode(golden("reject/v2-unknown-field-newer-tool.json")))
                .isInstanceOf(NewerStateException.class)
                .hasMessageContaining("written by a newer cogform (99.0.0)").hasMessageContaining("some_future_field")
                .hasMessageContaining("upgrade cogform");
        byte[] sameTool = rewrite(golden("reject/v2-unknown-field-newer-tool.json"), doc -> doc.put("tool_version", "0.0.1"));
        assertThatThrownBy(() -> CODEC.decode(sameTool)).isInstanceOf(CorruptStateException.class)
                .hasMessageContaining("some_future_field");
    }

    @Test
    void anUnknownFieldOutsideTheSettings_isNewerFromANewerBuild_andDamageOtherwise_neverDropped() throws IOException {
        List<java.util.function.Consumer<ObjectNode>> additions = List.of(
                doc -> doc.putObject("something_new").put("x", 1),
                doc -> ((ObjectNode) doc.get("clients").get("main.web")).put("something_new", 1),
                doc -> ((ObjectNode) doc.get("clients").get("main.web").get("secrets").get(0)).put("something_new", 1));
        for (java.util.function.Consumer<ObjectNode> add : additions) {
            byte[] newer = rewrite(golden("roundtrip/v3-full.json"), doc -> {
                add.accept(doc);
                doc.put("tool_version", "99.0.0");
            });
            byte[] same = rewrite(newer, doc -> doc.put("tool_version", TOOL));

            assertThatThrownBy(() -> CODEC.decode(newer)).isInstanceOf(NewerStateException.class)
                    .hasMessageContaining("written by a newer cogform (99.0.0)").hasMessageContaining("\"something_new\"");
            assertThatThrownBy(() -> CODEC.decode(same)).isInstanceOf(CorruptStateException.class)
                    .hasMessageContaining("has a field this cogform does not know: \"something_new\"");
        }
    }

    @Test
    void damagedSettings_areSaidInWords_notInTheJsonLibrarysTerms() throws IOException {
        byte[] unknown = rewrite(golden("roundtrip/v3-full.json"),
                doc -> ((ObjectNode) doc.get("clients").get("main.web").get("settings")).put("something_new", 1));
        byte[] missing = rewrite(golden("roundtrip/v3-full.json"),
                doc -> ((ObjectNode) doc.get("clients").get("main.web").get("settings")).remove("enable_token_revocation"));
        byte[] wrongKind = rewrite(golden("roundtrip/v3-full.json"),
                doc -> ((ObjectNode) doc.get("clients").get("main.web").get("settings")).put("generate_secret", "maybe"));

        assertThatThrownBy(() -> CODEC.decode(unknown)).hasMessageContaining(
                "clients.main.web.settings has a key this cogform does not know: \"something_new\"");
        assertThatThrownBy(() -> CODEC.decode(missing)).hasMessageContaining(
                "clients.main.web.settings lacks the key \"enable_token_revocation\"");
        assertThatThrownBy(() -> CODEC.decode(wrongKind)).hasMessageContaining(
                "clients.main.web.settings has a value of the wrong kind at \"generate_secret\"");
        for (byte[] doc : List.of(unknown, missing, wrongKind)) {
            assertThatThrownBy(() -> CODEC.decode(doc)).hasMessageNotContaining("dev.cogform")
                    .hasMessageNotContaining("DeserializationFeature").hasMessageNotContaining("ignorable");
        }
    }

    @Test
    void newer_comparesVersionsNumerically() {
        assertThat(StateCodec.newer("1.10.0", "1.9.2")).isTrue();
        assertThat(StateCodec.newer("0.2.0", "0.1.0-SNAPSHOT")).isTrue();
        assertThat(StateCodec.newer("0.1.0", "0.1.0-SNAPSHOT")).isFalse();
        assertThat(StateCodec.newer("0.0.0-golden", "0.1.0")).isFalse();
    }

    @Test
    void checksum_doesNotDependOnWhitespaceOrKeyOrder() throws IOException {
        ObjectNode doc = (ObjectNode) JSON.readTree(golden("roundtrip/v3-full.json"));
        ObjectNode reordered = JSON.createObjectNode();
        List<String> names = new java.util.ArrayList<>();
        doc.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(n -> reordered.set(n, doc.get(n)));
        assertThat(CODEC.decode(JSON.writeValueAsBytes(reordered)).snapshot()).isEqualTo(full());
    }

    @Test
    void decode_ofAnOlderVersion_upgradesStepByStep() throws IOException {
        assertGolden("upgrade/v0-synthetic.json", rewrite(golden("upgrade/v1-full.json"), doc -> {
            doc.put("version", 0);
            doc.remove("tool_version");
            doc.remove("pending");
            ObjectNode clients = (ObjectNode) doc.remove("clients");
            ArrayNode list = doc.putArray("clients");
            for (Map.Entry<String, JsonNode> e : clients.properties()) {
                ObjectNode c = list.addObject();
                c.put("address", e.getKey());
                c.setAll((ObjectNode) e.getValue());
            }
        }));
        List<FormatUpgrade> chain = new java.util.ArrayList<>(StateCodec.UPGRADES);
        chain.add(V0_TO_V1);
        StateCodec withUpgrade = new StateCodec(TOOL, chain);
        DecodedState decoded = withUpgrade.decode(golden("upgrade/v0-synthetic.json"));
        assertThat(decoded.formatVersion()).isZero();
        assertThat(decoded.snapshot()).isEqualTo(fullV2().withoutPending(ClientAddress.parse("main.worker")));

        assertThatThrownBy(() -> CODEC.decode(golden("upgrade/v0-synthetic.json")))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("version 0 is not one cogform ever wrote");
    }

    private static ClientRecord withRotation(StateSnapshot s, String address, RefreshTokenRotation rotation) {
        ClientRecord r = s.client(ClientAddress.parse(address)).orElseThrow();
        return new ClientRecord(r.address(), r.poolId(), r.clientId(), r.clientName(),
                r.applied().toBuilder().refreshTokenRotation(rotation).build(), r.liveFingerprint(), r.preventDestroy(),
                r.appliedAt());
    }

    @Test
    void decode_ofDamagedDocuments_namesWhatIsWrong() throws IOException {
        byte[] good = golden("roundtrip/v3-full.json");
        assertThatThrownBy(() -> CODEC.decode(java.util.Arrays.copyOf(good, 300)))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("not valid JSON (truncated or damaged?)");
        assertThatThrownBy(() -> CODEC.decode("{\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("Unexpected end-of-input")
                .hasMessageNotContaining("Source").hasMessageNotContaining("REDACTED");
        assertThatThrownBy(() -> CODEC.decode(new String(good, StandardCharsets.UTF_8)
                .replace("\"serial\": 42", "\"serial\": 43").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("checksum does not match");
        assertThatThrownBy(() -> CODEC.decode(rewrite(good, doc -> ((ObjectNode) doc.get("clients").get("main.web"))
                .remove("client_id"))))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("\"clients.main.web.client_id\" is missing");
        assertThatThrownBy(() -> CODEC.decode(rewrite(good, doc -> doc.put("format", "terraform"))))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("not a cogform state document");
        assertThatThrownBy(() -> CODEC.decode((new String(good, StandardCharsets.UTF_8) + "{}").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("not valid JSON");
        ObjectNode unsigned = (ObjectNode) JSON.readTree(good);
        unsigned.remove("checksum");
        assertThatThrownBy(() -> CODEC.decode(JSON.writeValueAsBytes(unsigned)))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("has no \"checksum\"");
    }

    /** {@code bytes} edited by {@code edit}, with a checksum matching the edit. */
    private static byte[] rewrite(byte[] bytes, java.util.function.Consumer<ObjectNode> edit) throws IOException {
        ObjectNode doc = (ObjectNode) JSON.readTree(bytes);
        doc.remove("checksum");
        edit.accept(doc);
        if (doc.has("format") && doc.get("format").asText().equals(StateCodec.FORMAT)) {
            doc.put("checksum", StateCodec.checksumOf(doc));
        }
        return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
