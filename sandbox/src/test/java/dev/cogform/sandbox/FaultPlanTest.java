package dev.cogform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The fault spec syntax and how rules fire. */
class FaultPlanTest {

    @Test
    void parse_readsTheDocumentedExample() {
        FaultPlan plan = FaultPlan.parse("UpdateUserPoolClient:throttle:next=3,DescribeUserPoolClient:latency=50ms,"
                + "CreateUserPoolClient:drop:rate=0.1");

        assertThat(plan.rules()).containsExactly(
                new FaultPlan.Rule("UpdateUserPoolClient", FaultPlan.Kind.THROTTLE, 0, 3, 1),
                new FaultPlan.Rule("DescribeUserPoolClient", FaultPlan.Kind.LATENCY, 50, 0, 1),
                new FaultPlan.Rule("CreateUserPoolClient", FaultPlan.Kind.DROP, 0, 0, 0.1));
        assertThat(FaultPlan.parse(plan.toString()).rules()).isEqualTo(plan.rules());
        assertThat(FaultPlan.parse("*:error:always,ListUserPools:latency=2s,DeleteUserPoolClient:drop-after").rules())
                .extracting(FaultPlan.Rule::kind, FaultPlan.Rule::latencyMillis)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FaultPlan.Kind.ERROR, 0L),
                        org.assertj.core.groups.Tuple.tuple(FaultPlan.Kind.LATENCY, 2000L),
                        org.assertj.core.groups.Tuple.tuple(FaultPlan.Kind.DROP_AFTER, 0L));
        assertThat(FaultPlan.parse(" ").rules()).isEmpty();
    }

    @Test
    void parse_explainsWhatIsWrong() {
        assertThatThrownBy(() -> FaultPlan.parse("UpdateUserPoolClient"))
                .hasMessageContaining("'UpdateUserPoolClient'").hasMessageContaining("OPERATION:KIND[:TRIGGER]");
        assertThatThrownBy(() -> FaultPlan.parse("UpdateUserPool:error"))
                .hasMessageContaining("unknown operation 'UpdateUserPool'").hasMessageContaining("UpdateUserPoolClient");
        assertThatThrownBy(() -> FaultPlan.parse("UpdateUserPoolClient:explode"))
                .hasMessageContaining("kind 'explode' is not one of error, throttle, drop, drop-after, latency=<N>ms");
        assertThatThrownBy(() -> FaultPlan.parse("UpdateUserPoolClient:error:rate=1.5"))
                .hasMessageContaining("trigger 'rate=1.5'");
        assertThatThrownBy(() -> FaultPlan.parse("UpdateUserPoolClient:error:next=0"))
                .hasMessageContaining("next=<N> (N >= 1)");
    }

    @Test
    void next_firesForExactlyThatManyCalls_ofThatOperation() {
        FaultPlan plan = FaultPlan.parse("UpdateUserPoolClient:error:next=2");

        assertThat(plan.decide("DescribeUserPoolClient").outcome()).isNull();
        assertThat(plan.decide("UpdateUserPoolClient").outcome()).isEqualTo(FaultPlan.Kind.ERROR);
        assertThat(plan.decide("UpdateUserPoolClient").outcome()).isEqualTo(FaultPlan.Kind.ERROR);
        assertThat(plan.decide("UpdateUserPoolClient").outcome()).isNull();
        assertThat(plan.rules()).isEmpty();
    }

    @Test
    void latenciesAddUp_andTheFirstOtherRuleDecides() {
        FaultPlan plan = FaultPlan.parse("*:latency=10ms,DescribeUserPoolClient:latency=5ms,"
                + "DescribeUserPoolClient:throttle:next=1,DescribeUserPoolClient:error");

        FaultPlan.Decision first = plan.decide("DescribeUserPoolClient");
        assertThat(first.latencyMillis()).isEqualTo(15);
        assertThat(first.outcome()).isEqualTo(FaultPlan.Kind.THROTTLE);
        assertThat(plan.decide("DescribeUserPoolClient").outcome()).isEqualTo(FaultPlan.Kind.ERROR);
        assertThat(plan.decide("ListUserPools")).isEqualTo(new FaultPlan.Decision(10, null));
    }

    @Test
    void rate_hitsAboutThatShareOfCalls() {
        FaultPlan plan = FaultPlan.parse("CreateUserPoolClient:drop:rate=0.2").seed(42);
        int hits = 0;
        for (int i = 0; i < 1_000; i++) {
            if (plan.decide("CreateUserPoolClient").outcome() == FaultPlan.Kind.DROP) {
                hits++;
            }
        }
        assertThat(hits).isBetween(150, 250);
        assertThat(FaultPlan.parse("CreateUserPoolClient:drop:rate=0").decide("CreateUserPoolClient").outcome()).isNull();
    }

    @Test
    void clear_removesEveryRule() {
        FaultPlan plan = FaultPlan.parse("*:error");
        plan.clear();
        assertThat(plan.decide("ListUserPools")).isEqualTo(FaultPlan.Decision.NONE);
    }
}
