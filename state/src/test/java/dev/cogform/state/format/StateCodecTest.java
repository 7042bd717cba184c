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

    /** {@link #fullV1()} with what format 2 adds: secret ids and dates of a rotating client. */
    static StateSnapshot full() {
        ClientAddress web = ClientAddress.parse("main.web");
        StateSnapshot s = fullV1();
        return s.withClient(s.client(web).orElseThrow().withSecrets(List.of(
                new SecretDescriptor("4ab3c2d1e0f9g8h7i6j5k4l3m2-7", Instant.parse("2026-03-01T00:00:00Z")),
                new SecretDescriptor("4ab3c2d1e0f9g8h7i6j5k4l3m2-0", Instant.parse("2025-12-01T10:00:00Z")))));
    }

    /** A state as format 1 could hold it. */
    static StateSnapshot fullV1() {
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
    void encode_matchesTheGoldenFiles() throws IOException {
        assertGolden("roundtrip/v2-full.json", CODEC.encode(full()).bytes());
        assertGolden("roundtrip/v2-empty.json", CODEC.encode(empty()).bytes());
    }

    @Test
    void decode_ofTheGoldenFiles_givesTheSnapshotsBack() throws IOException {
        DecodedState decoded = CODEC.decode(golden("roundtrip/v2-full.json"));
        assertThat(decoded.snapshot()).isEqualTo(full());
        assertThat(decoded.formatVersion()).isEqualTo(2);
        assertThat(decoded.toolVersion()).isEqualTo(TOOL);
        assertThat(CODEC.decode(golden("roundtrip/v2-empty.json")).snapshot()).isEqualTo(empty());
        assertThat(StateCodec.standard().decode(golden("roundtrip/v2-full.json")).snapshot()).isEqualTo(full());
    }

    @Test
    void encode_writesSecretIdsAndDatesOldestFirst_andNoSecretWithoutRotation() throws IOException {
        String text = new String(golden("roundtrip/v2-full.json"), StandardCharsets.UTF_8);
        assertThat(text.indexOf("4ab3c2d1e0f9g8h7i6j5k4l3m2-0")).isLessThan(text.indexOf("4ab3c2d1e0f9g8h7i6j5k4l3m2-7"));
        JsonNode doc = JSON.readTree(text);
        assertThat(doc.at("/clients/main.web/secrets/0/created").asText()).isEqualTo("2025-12-01T10:00:00Z");
        assertThat(doc.at("/clients/main.api").has("secrets")).isFalse();
    }

    /** The files format 1 wrote (kept as that cogform wrote them) read as format 2 with no secrets. */
    @Test
    void decode_ofVersion1_upgradesToVersion2WithNoSecrets() throws IOException {
        DecodedState decoded = CODEC.decode(golden("upgrade/v1-full.json"));
        assertThat(decoded.formatVersion()).isEqualTo(1);
        assertThat(decoded.snapshot()).isEqualTo(fullV1());
        assertThat(decoded.snapshot().clients().values()).allSatisfy(r -> assertThat(r.secrets()).isEmpty());
        assertThat(CODEC.decode(golden("upgrade/v1-empty.json")).snapshot()).isEqualTo(empty());
        // Written back, it is a version 2 document.
        assertThat(JSON.readTree(CODEC.encode(decoded.snapshot()).bytes()).get("version").asInt()).isEqualTo(2);
        assertThatThrownBy(() -> new StateCodec(TOOL, List.of()).decode(golden("upgrade/v1-full.json")))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("oldest this cogform reads is 2");
    }

    @Test
    void decode_ofDamagedSecrets_namesWhere() throws IOException {
        byte[] good = golden("roundtrip/v2-full.json");
        assertThatThrownBy(() -> CODEC.decode(rewrite(good, doc -> ((ObjectNode) doc.get("clients").get("main.web"))
                .put("secrets", "x"))))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("\"clients.main.web.secrets\" is not a list");
        assertThatThrownBy(() -> CODEC.decode(rewrite(good, doc -> ((ObjectNode) doc.at("/clients/main.web/secrets/1"))
                .remove("created"))))
                .isInstanceOf(CorruptStateException.class)
                .hasMessageContaining("\"clients.main.web.secrets[1].created\" is missing");
    }

    @Test
    void checksum_doesNotDependOnWhitespaceOrKeyOrder() throws IOException {
        ObjectNode doc = (ObjectNode) JSON.readTree(golden("roundtrip/v2-full.json"));
        ObjectNode reordered = JSON.createObjectNode();
        List<String> names = new java.util.ArrayList<>();
        doc.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(n -> reordered.set(n, doc.get(n)));
        assertThat(CODEC.decode(JSON.writeValueAsBytes(reordered)).snapshot()).isEqualTo(full());
    }

    @Test
    void decode_ofANewerVersion_isRefusedSayingWhoWroteIt() throws IOException {
        assertGolden("reject/v3-newer.json", rewrite(golden("roundtrip/v2-empty.json"), doc -> {
            doc.put("version", 3);
            doc.put("tool_version", "9.0.0");
            doc.put("something_new", true);
        }));
        assertThatThrownBy(() -> CODEC.decode(golden("reject/v3-newer.json")))
                .isInstanceOf(NewerStateException.class)
                .hasMessageContaining("state format version 3 (written by cogform 9.0.0)")
                .hasMessageContaining("reads format versions up to 2").hasMessageContaining("upgrade cogform");
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
        assertThat(decoded.snapshot()).isEqualTo(fullV1().withoutPending(ClientAddress.parse("main.worker")));

        assertThatThrownBy(() -> CODEC.decode(golden("upgrade/v0-synthetic.json")))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("version 0 is not one cogform ever wrote");
    }

    @Test
    void decode_ofDamagedDocuments_namesWhatIsWrong() throws IOException {
        byte[] good = golden("roundtrip/v2-full.json");
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
