package dev.cogform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogform.cli.CliRun;
import dev.cogform.cli.DriftFormats;
import dev.cogform.core.live.cognito.PeerGap;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cogform drift} end to end on a peer: every status produced by out-of-band changes made with
 * the peer's API (never by editing cogform's files), an unmanaged client, an expired ignore rule, a
 * baseline run with nothing new, then a resolved finding, and an unreachable pool. Same stack as
 * {@link EndToEndScenarios}.
 */
abstract class DriftScenarios {

    @TempDir
    Path dir;

    CognitoAdmin admin;
    String mainPool;
    String otherPool;
    StackYaml yaml;
    Stack stack;

    abstract URI endpoint();

    Set<PeerGap> gaps() {
        return Set.of();
    }

    @BeforeAll
    static void credentials() {
        System.setProperty("aws.accessKeyId", "cogform-e2e");
        System.setProperty("aws.secretAccessKey", "cogform-e2e");
    }

    @BeforeEach
    void pools() {
        admin = new CognitoAdmin(endpoint());
        String run = UUID.randomUUID().toString().substring(0, 8);
        mainPool = admin.createPool("cogform-drift-main-" + run);
        otherPool = admin.createPool("cogform-drift-other-" + run);
        if (!gaps().contains(PeerGap.NO_IDENTITY_PROVIDER_API)) {
            admin.createOidcProvider(mainPool, StackYaml.IDP);
        }
        if (!gaps().contains(PeerGap.NO_RESOURCE_SERVER_API)) {
            admin.createResourceServer(otherPool, StackYaml.API, StackYaml.API_SCOPES);
        }
        yaml = StackYaml.everyField(endpoint(), gaps(), mainPool, otherPool);
        stack = new Stack(dir).write(yaml.root);
        stack.apply();
    }

    @AfterEach
    void dropPools() {
        admin.deletePoolQuietly(mainPool);
        admin.deletePoolQuietly(otherPool);
        admin.close();
    }

    @Test
    void drift_reportsEachStatusOnce_thenTheResolution() throws IOException {
        JsonNode clean = stack.json(0, "drift", "--format", "json");
        assertThat(statuses(clean)).containsOnly("IN_SYNC");
        assertThat(clean.path("stacks").get(0).path("pools").findValuesAsText("coverage_pct")).containsOnly("100.0");

        String web = stack.clientId("main.web");
        String bare = stack.clientId("other.bare");
        admin.edit(mainPool, web, b -> b.callbackURLs("https://app.example.com/callback",
                "http://localhost:3000/callback", "https://evil.example.com/cb"));
        admin.delete(otherPool, bare);
        String robot = admin.createClient(otherPool, "hand-made-robot", true, List.of("client_credentials"),
                gaps().contains(PeerGap.NO_RESOURCE_SERVER_API) ? List.of() : List.of("api/read"));
        Path report = dir.resolve("drift.json");

        CliRun human = stack.expect(2, "drift");
        JsonNode first = stack.json(2, "drift", "--format", "json", "--fail-on", "high");
        Files.writeString(report, stack.expect(2, "drift", "--format", "json").out());

        assertThat(human.out()).contains("main.web (client " + web + ") MODIFIED",
                "[high] callback_urls: \"https://evil.example.com/cb\" added (changed outside cogform)",
                "other.bare (client " + bare + ") DELETED [high]", "UNMANAGED", "hand-made-robot");
        assertThat(status(first, "main.web")).isEqualTo("MODIFIED");
        assertThat(status(first, "other.bare")).isEqualTo("DELETED");
        assertThat(status(first, "main.spa")).isEqualTo("IN_SYNC");
        JsonNode added = client(first, "main.web").path("differences").get(0);
        assertThat(added.path("comparison").asText()).isEqualTo("recorded");
        assertThat(added.path("type").asText()).isEqualTo("ADD");
        assertThat(added.path("member").asText()).isEqualTo("https://evil.example.com/cb");
        JsonNode unmanaged = first.path("stacks").get(0).path("unmanaged").get(0);
        assertThat(unmanaged.path("client_id").asText()).isEqualTo(robot);
        assertThat(unmanaged.path("severity").asText()).isEqualTo("high");
        if (!gaps().contains(PeerGap.NO_CLIENT_DATES)) {
            assertThat(unmanaged.path("created").asText()).isNotEmpty();
        }
        // One run writes every format (the CI sample's way): the same findings, Cognito read once.
        Path json = dir.resolve("all.json");
        Path sarif = dir.resolve("drift.sarif");
        Path junit = dir.resolve("drift.xml");
        Path markdown = dir.resolve("drift.md");
        CliRun all = stack.expect(2, "drift", "--format", "json", "--out", json.toString(), "--report", "sarif=" + sarif,
                "--report", "junit=" + junit, "--report", "markdown=" + markdown);
        assertThat(all.out()).isEmpty();
        assertThat(status(Stack.parse(Files.readString(json)), "main.web")).isEqualTo("MODIFIED");
        DriftFormats.assertValidSarif(Files.readString(sarif));
        DriftFormats.assertValidJunit(Files.readString(junit));
        assertThat(Files.readString(markdown)).startsWith("## cogform drift: 3 finding(s), highest severity **high**");

        // An ignore rule past its date is an error and ignores nothing; a live one makes the client IGNORED.
        Path ignore = dir.resolve("ignore.yaml");
        Files.writeString(ignore, "rules:\n  - address: main.web\n    fields: [callback_urls]\n    reason: partner test\n"
                + "    owner: web-team\n    expires: 2020-01-01\n");
        CliRun expired = stack.expect(1, "drift", "--ignore", ignore.toString());
        assertThat(expired.err()).contains("ignore.expired", "expired on 2020-01-01");
        Files.writeString(ignore, Files.readString(ignore).replace("2020-01-01", "2999-01-01"));
        assertThat(status(stack.json(2, "drift", "--format", "json", "--ignore", ignore.toString()), "main.web"))
                .isEqualTo("IGNORED");

        // The same drift against its own report: nothing new, exit 0.
        JsonNode again = stack.json(0, "drift", "--format", "json", "--baseline", report.toString());
        assertThat(again.path("summary").path("new").asInt()).isZero();
        assertThat(client(again, "main.web").path("differences").get(0).path("baseline").asText()).isEqualTo("unchanged");

        // Fixing it by hand resolves the finding: exit 2, once.
        admin.edit(mainPool, web, b -> b.callbackURLs("https://app.example.com/callback", "http://localhost:3000/callback"));
        JsonNode resolved = stack.json(2, "drift", "--format", "json", "--baseline", report.toString());
        assertThat(resolved.path("stacks").get(0).path("resolved").findValuesAsText("address")).containsExactly("main.web");
        assertThat(resolved.path("summary").path("resolved").asInt()).isEqualTo(1);

        // drift never wrote the state or Cognito.
        assertThat(stack.clientId("other.bare")).isEqualTo(bare);
    }

    @Test
    void unreachablePool_isNotChecked_andNeverExits0() {
        admin.deletePoolQuietly(otherPool);

        if (gaps().contains(PeerGap.NO_POOL_EXISTENCE_CHECK)) {
            // The peer does not check pool ids: it keeps answering for the deleted pool's clients, so
            // nothing is unreachable and cogform reports what it was told.
            JsonNode told = stack.json(0, "drift", "--format", "json");
            assertThat(status(told, "other.machine")).isEqualTo("IN_SYNC");
            return;
        }
        CliRun run = stack.expect(1, "drift", "--format", "json");
        JsonNode report = Stack.parse(run.out());
        assertThat(status(report, "other.machine")).isEqualTo("NOT_CHECKED");
        assertThat(client(report, "other.machine").path("reason").asText()).isEqualTo("pool_not_found");
        assertThat(status(report, "main.web")).isEqualTo("IN_SYNC");
    }

    static List<String> statuses(JsonNode report) {
        return report.path("stacks").get(0).path("clients").findValuesAsText("status");
    }

    static JsonNode client(JsonNode report, String address) {
        for (JsonNode c : report.path("stacks").get(0).path("clients")) {
            if (c.path("address").asText().equals(address)) {
                return c;
            }
        }
        throw new AssertionError("no client " + address + " in " + report);
    }

    static String status(JsonNode report, String address) {
        return client(report, address).path("status").asText();
    }
}
