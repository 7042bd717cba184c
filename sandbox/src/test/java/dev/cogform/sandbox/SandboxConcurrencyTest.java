package dev.cogform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConcurrentModificationException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/** One client write per pool at a time, as in Cognito. */
class SandboxConcurrencyTest {

    @Test
    void overlappingWritesToOnePool_getConcurrentModification_otherPoolsAndCreatesDoNot() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxClients.noQuotas());
             CognitoIdentityProviderClient cognito = SandboxClients.noRetries(sandbox)) {
            String pool = sandbox.ensurePool("busy");
            String other = sandbox.ensurePool("idle");
            UserPoolClientType a = SandboxClients.create(cognito, pool, "a");
            UserPoolClientType b = SandboxClients.create(cognito, pool, "b");
            UserPoolClientType c = SandboxClients.create(cognito, other, "c");
            sandbox.faults().add(FaultPlan.Rule.latency("UpdateUserPoolClient", 3_000));

            CompletableFuture<UserPoolClientType> slow = CompletableFuture.supplyAsync(() -> cognito
                    .updateUserPoolClient(r -> r.userPoolId(pool).clientId(a.clientId()).clientName("a2"))
                    .userPoolClient());
            awaitBusy(sandbox, pool);

            assertThatThrownBy(() -> cognito.updateUserPoolClient(r -> r.userPoolId(pool).clientId(b.clientId())
                    .clientName("b2")))
                    .isInstanceOf(ConcurrentModificationException.class)
                    .hasMessageStartingWith("Only one request to update user pool client can be processed at a time.");
            assertThatThrownBy(() -> cognito.deleteUserPoolClient(r -> r.userPoolId(pool).clientId(b.clientId())))
                    .isInstanceOf(ConcurrentModificationException.class);
            cognito.deleteUserPoolClient(r -> r.userPoolId(other).clientId(c.clientId())); // another pool: no conflict
            assertThat(SandboxClients.create(cognito, pool, "d").clientName()).as("Create waits its turn").isEqualTo("d");

            assertThat(slow.get(30, TimeUnit.SECONDS).clientName()).isEqualTo("a2");
            sandbox.faults().clear();
            assertThat(cognito.describeUserPoolClient(r -> r.userPoolId(pool).clientId(b.clientId()))
                    .userPoolClient().clientName()).as("the refused update changed nothing").isEqualTo("b");
            assertThat(cognito.updateUserPoolClient(r -> r.userPoolId(pool).clientId(b.clientId()).clientName("b2"))
                    .userPoolClient().clientName()).isEqualTo("b2");
        }
    }

    private static void awaitBusy(Sandbox sandbox, String pool) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!sandbox.writeInProgress(pool)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the first update never reached the sandbox");
            }
            Thread.sleep(5);
        }
    }
}
