package dev.cogform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerScopeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/** A sandbox with a data file keeps everything across a restart. */
class SandboxPersistenceTest {

    @TempDir
    Path dir;

    private SandboxOptions options(Path file) {
        return SandboxClients.noQuotas().withDataFile(file);
    }

    @Test
    void restartWithTheSameFile_keepsPoolsClientsSecretsAndIds() throws IOException {
        Path file = dir.resolve("state/sandbox.json");
        String poolId;
        UserPoolClientType confidential;
        String deletedId;
        try (Sandbox first = Sandbox.start(options(file));
             CognitoIdentityProviderClient cognito = SandboxClients.noRetries(first)) {
            poolId = first.ensurePool("kept");
            cognito.createIdentityProvider(r -> r.userPoolId(poolId).providerName("Google")
                    .providerType(IdentityProviderTypeType.GOOGLE).providerDetails(Map.of("client_id", "x")));
            cognito.createResourceServer(r -> r.userPoolId(poolId).identifier("orders").name("Orders")
                    .scopes(ResourceServerScopeType.builder().scopeName("read").scopeDescription("r").build()));
            String id = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("m2m").generateSecret(true))
                    .userPoolClient().clientId();
            confidential = cognito.updateUserPoolClient(r -> r.userPoolId(poolId).clientId(id)
                    .allowedOAuthFlowsWithStrings("client_credentials").allowedOAuthScopes("orders/read")
                    .allowedOAuthFlowsUserPoolClient(true).supportedIdentityProviders("Google")
                    .accessTokenValidity(15).tokenValidityUnits(u -> u.accessToken("minutes"))).userPoolClient();
            deletedId = SandboxClients.create(cognito, poolId, "gone").clientId();
            cognito.deleteUserPoolClient(r -> r.userPoolId(poolId).clientId(deletedId));
        }

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).as("no temp file left behind").containsExactly(file);
        }

        try (Sandbox second = Sandbox.start(options(file));
             CognitoIdentityProviderClient cognito = SandboxClients.noRetries(second)) {
            assertThat(second.ensurePool("kept")).isEqualTo(poolId);
            UserPoolClientType again = cognito.describeUserPoolClient(r -> r.userPoolId(poolId)
                    .clientId(confidential.clientId())).userPoolClient();
            assertThat(again).isEqualTo(confidential);
            assertThat(again.clientSecret()).matches("[a-z0-9]{51}");
            assertThatThrownBy(() -> cognito.describeUserPoolClient(r -> r.userPoolId(poolId).clientId(deletedId)))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThat(cognito.listIdentityProviders(r -> r.userPoolId(poolId)).providers()).hasSize(1);
            assertThat(cognito.listResourceServers(r -> r.userPoolId(poolId).maxResults(10)).resourceServers())
                    .hasSize(1);

            String newer = SandboxClients.create(cognito, poolId, "newer").clientId();
            assertThat(cognito.listUserPoolClients(r -> r.userPoolId(poolId)).userPoolClients())
                    .extracting(UserPoolClientDescription::clientId)
                    .as("listing order continues after the restart")
                    .containsExactly(confidential.clientId(), newer);
        }
    }

    @Test
    void anUnreadableDataFile_failsTheStart_andIsLeftAlone() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{ not json");

        assertThatThrownBy(() -> Sandbox.start(options(file)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("move it away or use another --data file");
        assertThat(Files.readString(file)).isEqualTo("{ not json");
    }

    @Test
    void withoutADataFile_nothingSurvives() {
        String id;
        try (Sandbox first = Sandbox.start(SandboxClients.noQuotas())) {
            id = first.ensurePool("ephemeral");
        }
        try (Sandbox second = Sandbox.start(SandboxClients.noQuotas())) {
            assertThat(second.ensurePool("ephemeral")).isNotEqualTo(id);
        }
    }

    @Test
    void staleTempFilesOfAKilledSandbox_areRemovedAtTheNextStart_freshOnesAreKept() throws IOException {
        Path file = dir.resolve("sandbox.json");
        Path stale = Files.writeString(dir.resolve(".sandbox.json.123.tmp"), "{ half");
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Path fresh = Files.writeString(dir.resolve(".sandbox.json.456.tmp"), "{ being written");

        try (Sandbox sandbox = Sandbox.start(options(file))) {
            sandbox.ensurePool("p");
        }

        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
    }
}
