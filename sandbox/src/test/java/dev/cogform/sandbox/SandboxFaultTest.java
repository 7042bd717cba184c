package dev.cogform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InternalErrorException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;

/** Each injected fault kind, as an SDK client sees it. */
class SandboxFaultTest {

    private Sandbox sandbox;
    private CognitoIdentityProviderClient cognito;
    private String pool;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxClients.noQuotas());
        cognito = SandboxClients.noRetries(sandbox);
        pool = sandbox.ensurePool("faults");
    }

    @AfterEach
    void stop() {
        cognito.close();
        sandbox.close();
    }

    private int clientCount() {
        return cognito.listUserPoolClients(r -> r.userPoolId(pool)).userPoolClients().size();
    }

    @Test
    void error_answers500InternalError_forTheNextCalls() {
        String id = SandboxClients.create(cognito, pool, "c").clientId();
        sandbox.faults().add("DescribeUserPoolClient:error:next=2");

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> cognito.describeUserPoolClient(r -> r.userPoolId(pool).clientId(id)))
                    .isInstanceOfSatisfying(InternalErrorException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(500));
        }
        assertThat(cognito.describeUserPoolClient(r -> r.userPoolId(pool).clientId(id)).userPoolClient().clientId())
                .isEqualTo(id);
    }

    @Test
    void error_isRetriedAwayByTheSdksDefaultRetries() {
        String id = SandboxClients.create(cognito, pool, "c").clientId();
        sandbox.faults().add("DescribeUserPoolClient:error:next=2");

        try (CognitoIdentityProviderClient retrying = SandboxClients.defaultRetries(sandbox)) {
            assertThat(retrying.describeUserPoolClient(r -> r.userPoolId(pool).clientId(id)).userPoolClient().clientId())
                    .isEqualTo(id);
        }
        assertThat(sandbox.faults().rules()).as("both injected errors were used").isEmpty();
    }

    @Test
    void throttle_answersTooManyRequests() {
        sandbox.faults().add("CreateUserPoolClient:throttle:next=1");

        assertThatThrownBy(() -> SandboxClients.create(cognito, pool, "c"))
                .isInstanceOf(TooManyRequestsException.class).hasMessageStartingWith("Rate exceeded");
        assertThat(clientCount()).isZero();
        assertThat(SandboxClients.create(cognito, pool, "c").clientName()).isEqualTo("c");
    }

    @Test
    void drop_closesTheConnectionBeforeProcessing() {
        sandbox.faults().add(FaultPlan.Rule.next("CreateUserPoolClient", FaultPlan.Kind.DROP, 1));

        assertThatThrownBy(() -> SandboxClients.create(cognito, pool, "c")).isInstanceOf(SdkClientException.class);
        assertThat(clientCount()).isZero();
    }

    @Test
    void dropAfter_processesTheRequestButNeverAnswers() {
        sandbox.faults().add(FaultPlan.Rule.next("CreateUserPoolClient", FaultPlan.Kind.DROP_AFTER, 1));

        assertThatThrownBy(() -> SandboxClients.create(cognito, pool, "c")).isInstanceOf(SdkClientException.class);
        assertThat(clientCount()).as("the write happened although the caller saw a failure").isEqualTo(1);
    }

    @Test
    void latency_delaysButAnswers_andWildcardRateOneHitsEveryOperation() {
        sandbox.faults().add("*:latency=20ms,ListUserPools:throttle:rate=1");

        assertThat(SandboxClients.create(cognito, pool, "slow").clientName()).isEqualTo("slow");
        assertThatThrownBy(() -> cognito.listUserPools(r -> r.maxResults(1))).isInstanceOf(TooManyRequestsException.class);
        assertThatThrownBy(() -> cognito.listUserPools(r -> r.maxResults(1))).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void faultsGivenInTheOptions_applyFromTheStart() {
        try (Sandbox faulty = Sandbox.start(SandboxClients.noQuotas()
                .withFaults(FaultPlan.parse("DescribeUserPool:error")));
             CognitoIdentityProviderClient client = SandboxClients.noRetries(faulty)) {
            String id = faulty.ensurePool("p");
            assertThatThrownBy(() -> client.describeUserPool(r -> r.userPoolId(id)))
                    .isInstanceOf(InternalErrorException.class);
        }
    }
}
