package dev.cogform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolClientsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;

/** ListUserPoolClients pages and the 1,000-clients-per-pool quota. */
class SandboxPaginationAndLimitTest {

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

    @Test
    void listUserPoolClients_of130Clients_comesInPagesOf60_60_10() {
        String pool = sandbox.ensurePool("paging");
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 130; i++) {
            created.add(SandboxClients.create(cognito, pool, "c" + i).clientId());
        }

        List<Integer> sizes = new ArrayList<>();
        List<UserPoolClientDescription> all = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListUserPoolClientsResponse page = cognito.listUserPoolClients(r -> r.userPoolId(pool).maxResults(60)
                    .nextToken(next));
            sizes.add(page.userPoolClients().size());
            all.addAll(page.userPoolClients());
            token = page.nextToken();
        } while (token != null);

        assertThat(sizes).containsExactly(60, 60, 10);
        assertThat(all).extracting(UserPoolClientDescription::clientId).containsExactlyInAnyOrderElementsOf(created);
        assertThat(all).extracting(UserPoolClientDescription::clientName).startsWith("c0", "c1", "c2");
        assertThat(all).allSatisfy(d -> assertThat(d.userPoolId()).isEqualTo(pool));
        assertThat(cognito.listUserPoolClientsPaginator(r -> r.userPoolId(pool).maxResults(7)).userPoolClients()
                .stream().count()).as("the SDK's own paginator").isEqualTo(130);
    }

    @Test
    void nextToken_ofAnotherListing_isRefused() {
        String a = sandbox.ensurePool("paging-a");
        String b = sandbox.ensurePool("paging-b");
        SandboxClients.create(cognito, a, "one");
        SandboxClients.create(cognito, a, "two");
        String token = cognito.listUserPoolClients(r -> r.userPoolId(a).maxResults(1)).nextToken();
        assertThat(token).isNotBlank();

        assertThatThrownBy(() -> cognito.listUserPoolClients(r -> r.userPoolId(b).nextToken(token)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("pagination token");
        assertThatThrownBy(() -> cognito.listUserPoolClients(r -> r.userPoolId(a).nextToken("garbage!")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void listUserPools_pages() {
        for (int i = 0; i < 5; i++) {
            sandbox.ensurePool("listed-" + i);
        }
        int total = 0;
        String token = null;
        int pages = 0;
        do {
            String next = token;
            var page = cognito.listUserPools(r -> r.maxResults(2).nextToken(next));
            assertThat(page.userPools()).hasSizeLessThanOrEqualTo(2);
            total += page.userPools().size();
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(total).isGreaterThanOrEqualTo(5);
        assertThat(pages).isEqualTo((total + 1) / 2);
    }

    @Test
    void the1001stClientOfAPool_isLimitExceeded() {
        assertThat(ClientApi.MAX_CLIENTS_PER_POOL).isEqualTo(1_000);
        String pool = sandbox.ensurePool("limit");
        for (int i = 0; i < 1_000; i++) {
            SandboxClients.create(cognito, pool, "c" + i);
        }

        assertThatThrownBy(() -> SandboxClients.create(cognito, pool, "one-too-many"))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("1000");
        String other = sandbox.ensurePool("limit-other");
        assertThat(SandboxClients.create(cognito, other, "fine").clientId()).as("the quota is per pool").isNotBlank();
        var first = cognito.listUserPoolClients(r -> r.userPoolId(pool).maxResults(1)).userPoolClients().get(0);
        cognito.deleteUserPoolClient(r -> r.userPoolId(pool).clientId(first.clientId()));
        assertThat(SandboxClients.create(cognito, pool, "after-delete").clientName()).isEqualTo("after-delete");
    }
}
