package dev.cogform.core.apply;

import static dev.cogform.core.testing.TestStacks.client;
import static dev.cogform.core.testing.TestStacks.poolById;
import static dev.cogform.core.testing.TestStacks.stack;
import static dev.cogform.core.testing.TestStacks.web;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.core.desired.DesiredClient;
import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.desired.QuotaConfig;
import dev.cogform.core.live.ClientSummary;
import dev.cogform.core.live.cognito.SdkCognitoGateway;
import dev.cogform.core.plan.Plan;
import dev.cogform.core.plan.PlanOptions;
import dev.cogform.core.plan.Planner;
import dev.cogform.core.refresh.Refresher;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.core.testing.InMemoryStateStore;
import dev.cogform.sandbox.Sandbox;
import dev.cogform.sandbox.SandboxOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The applier against the sandbox over HTTP with injected faults: a create whose answer comes after the
 * SDK gave up is found and adopted, never sent twice; 30 creates and then 30 updates each finish in one
 * apply under errors, dropped answers and throttles, with no duplicate.
 */
class ApplierFaultsTest {

    /** Fast retries: the real policy's shape, with waits scaled down so the suite stays quick. */
    static final ApplyRetries FAST = new ApplyRetries(6, Duration.ofMillis(50), Duration.ofMillis(400),
            Duration.ofSeconds(4), Duration.ofMillis(500), Duration.ofMillis(250), d -> Thread.sleep(d.toMillis()));

    Sandbox sandbox;
    SdkCognitoGateway gateway;
    InMemoryStateStore store = new InMemoryStateStore();
    String pool;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxOptions.defaults().withQuotas(false));
        gateway = SdkCognitoGateway.forLocalEndpointWithTimeout(sandbox.endpoint(), new QuotaConfig(1_000, 1_000, 1_000),
                Duration.ofSeconds(1));
        pool = sandbox.ensurePool("faults");
    }

    @AfterEach
    void stop() {
        gateway.close();
        sandbox.close();
    }

    Plan plan(DesiredState desired) {
        StateSnapshot state = store.read();
        return Planner.plan(desired, state, new Refresher(gateway).refresh(desired, state, Set.of()),
                new PlanOptions(Set.of(), Clock.systemUTC().instant(), "test"));
    }

    ApplyResult apply(Plan plan) {
        return new Applier(gateway, store, Clock.systemUTC(), ApplyListener.NONE, 4).withRetries(FAST)
                .apply(plan, store.read());
    }

    DesiredState clients(int n, Function<String, dev.cogform.core.model.AppClientSettings> settings) {
        List<DesiredClient> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(client("main", "c" + i, settings.apply("c" + i)));
        }
        return stack(poolById("main", pool, out.toArray(DesiredClient[]::new)));
    }

    /** Client names that occur more than once in the pool. */
    List<String> duplicates() {
        Map<String, Long> byName = gateway.listClients(pool).stream()
                .collect(Collectors.groupingBy(ClientSummary::clientName, Collectors.counting()));
        return byName.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();
    }

    @Test
    void createAnsweredAfterTheTimeout_isWaitedFor_andAdopted_notSentTwice() {
        sandbox.faults().add("CreateUserPoolClient:latency=2500ms:next=1");
        DesiredState desired = clients(1, n -> web(n));

        ApplyResult result = apply(plan(desired));

        assertThat(result.failed()).as("%s", result.outcomes()).isFalse();
        assertThat(gateway.listClients(pool)).hasSize(1);
        assertThat(store.read().pending()).isEmpty();
        assertThat(store.read().clients().values()).singleElement()
                .satisfies(r -> assertThat(r.clientId()).isEqualTo(gateway.listClients(pool).get(0).clientId()));
        Plan next = plan(desired);
        assertThat(next.hasChanges()).isFalse();
        assertThat(next.diagnostics()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"error:rate=0.2", "drop-after:rate=0.1", "drop:rate=0.1", "throttle:rate=0.3"})
    void thirtyCreatesThenThirtyUpdates_eachFinishInOneApply_withoutDuplicates(String fault) {
        sandbox.faults().seed(42).add("CreateUserPoolClient:" + fault + ",UpdateUserPoolClient:" + fault);
        DesiredState created = clients(30, n -> web(n));

        ApplyResult creates = apply(plan(created));

        assertThat(creates.failed()).as("%s", creates.outcomes()).isFalse();
        assertThat(duplicates()).isEmpty();
        assertThat(gateway.listClients(pool)).hasSize(30);
        DesiredState updated = clients(30, n -> web(n).toBuilder().idTokenValiditySeconds(900).build());

        ApplyResult updates = apply(plan(updated));

        assertThat(updates.failed()).as("%s", updates.outcomes()).isFalse();
        assertThat(duplicates()).isEmpty();
        assertThat(store.read().pending()).isEmpty();
        assertThat(plan(updated).hasChanges()).isFalse();
    }
}
