package dev.cogform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ClientSecretDescriptorType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;

/**
 * AddUserPoolClientSecret, ListUserPoolClientSecrets and DeleteUserPoolClientSecret through the AWS
 * SDK v2: two secrets at most, never the last one deleted, no values listed, and DescribeUserPoolClient's
 * ClientSecret always the newest secret's value.
 */
class SandboxClientSecretsTest {

    private static Sandbox sandbox;
    private static CognitoIdentityProviderClient cognito;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxClients.noQuotas());
        cognito = SandboxClients.noRetries(sandbox);
    }

    @AfterAll
    static void stop() {
        cognito.close();
        sandbox.close();
    }

    private static String confidential(String pool, String name) {
        return cognito.createUserPoolClient(b -> b.userPoolId(pool).clientName(name).generateSecret(true))
                .userPoolClient().clientId();
    }

    private static String describedSecret(String pool, String client) {
        return cognito.describeUserPoolClient(b -> b.userPoolId(pool).clientId(client)).userPoolClient().clientSecret();
    }

    private static List<ClientSecretDescriptorType> list(String pool, String client) {
        return cognito.listUserPoolClientSecrets(b -> b.userPoolId(pool).clientId(client)).clientSecrets();
    }

    @Test
    void aNewConfidentialClient_listsOneSecret_withoutItsValue() {
        String pool = sandbox.ensurePool("secrets-one");
        String client = confidential(pool, "web");

        List<ClientSecretDescriptorType> secrets = list(pool, client);

        assertThat(secrets).singleElement().satisfies(d -> {
            assertThat(d.clientSecretId()).isNotBlank();
            assertThat(d.clientSecretValue()).isNull();
            assertThat(d.clientSecretCreateDate()).isBefore(Instant.now().plusSeconds(1));
        });
    }

    @Test
    void add_returnsTheNewSecret_whichDescribeThenReturns_andAThirdIsRefused() {
        String pool = sandbox.ensurePool("secrets-add");
        String client = confidential(pool, "web");
        String first = describedSecret(pool, client);

        ClientSecretDescriptorType added = cognito.addUserPoolClientSecret(b -> b.userPoolId(pool).clientId(client))
                .clientSecretDescriptor();

        assertThat(added.clientSecretValue()).matches("[a-z0-9]{51}").isNotEqualTo(first);
        assertThat(describedSecret(pool, client)).isEqualTo(added.clientSecretValue());
        assertThat(list(pool, client)).extracting(ClientSecretDescriptorType::clientSecretId)
                .hasSize(2).endsWith(added.clientSecretId());
        assertThatThrownBy(() -> cognito.addUserPoolClientSecret(b -> b.userPoolId(pool).clientId(client)))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("maximum of 2 client secrets");
        assertThat(list(pool, client)).hasSize(2);
    }

    @Test
    void add_ofACustomValue_doesNotEchoIt_andChecksItsLength() {
        String pool = sandbox.ensurePool("secrets-custom");
        String client = confidential(pool, "web");
        String custom = "abcdefghijklmnopqrstuvwxyz0123";

        ClientSecretDescriptorType added = cognito.addUserPoolClientSecret(b -> b.userPoolId(pool).clientId(client)
                .clientSecret(custom)).clientSecretDescriptor();

        assertThat(added.clientSecretValue()).isNull();
        assertThat(describedSecret(pool, client)).isEqualTo(custom);
        String other = confidential(pool, "other");
        assertThatThrownBy(() -> cognito.addUserPoolClientSecret(b -> b.userPoolId(pool).clientId(other)
                .clientSecret("short")))
                .isInstanceOf(software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException.class)
                .hasMessageContaining("at 'clientSecret' failed to satisfy constraint");
    }

    @Test
    void delete_ofTheOlder_leavesTheNewest_andTheLastOneCannotGo() {
        String pool = sandbox.ensurePool("secrets-delete");
        String client = confidential(pool, "web");
        String oldId = list(pool, client).get(0).clientSecretId();
        ClientSecretDescriptorType added = cognito.addUserPoolClientSecret(b -> b.userPoolId(pool).clientId(client))
                .clientSecretDescriptor();

        cognito.deleteUserPoolClientSecret(b -> b.userPoolId(pool).clientId(client).clientSecretId(oldId));

        assertThat(list(pool, client)).extracting(ClientSecretDescriptorType::clientSecretId)
                .containsExactly(added.clientSecretId());
        assertThat(describedSecret(pool, client)).isEqualTo(added.clientSecretValue());
        assertThatThrownBy(() -> cognito.deleteUserPoolClientSecret(b -> b.userPoolId(pool).clientId(client)
                .clientSecretId(added.clientSecretId())))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("last remaining secret");
        assertThatThrownBy(() -> cognito.deleteUserPoolClientSecret(b -> b.userPoolId(pool).clientId(client)
                .clientSecretId(oldId)))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining(oldId);
    }

    @Test
    void aPublicClient_hasNoSecrets_andGetsNone() {
        String pool = sandbox.ensurePool("secrets-public");
        String client = SandboxClients.create(cognito, pool, "spa").clientId();

        assertThat(list(pool, client)).isEmpty();
        assertThatThrownBy(() -> cognito.addUserPoolClientSecret(b -> b.userPoolId(pool).clientId(client)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("does not have a client secret");
        assertThatThrownBy(() -> cognito.listUserPoolClientSecrets(b -> b.userPoolId(pool).clientId("nope")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void anUpdate_keepsTheSecrets() {
        String pool = sandbox.ensurePool("secrets-update");
        String client = confidential(pool, "web");
        cognito.addUserPoolClientSecret(b -> b.userPoolId(pool).clientId(client));
        List<ClientSecretDescriptorType> before = list(pool, client);
        String value = describedSecret(pool, client);

        cognito.updateUserPoolClient(b -> b.userPoolId(pool).clientId(client).clientName("renamed"));

        assertThat(list(pool, client)).isEqualTo(before);
        assertThat(describedSecret(pool, client)).isEqualTo(value);
    }
}
