package dev.cogform.core.plan;

import static dev.cogform.core.testing.TestStacks.web;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogform.core.model.ClientAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceChangeTest {

    static final ClientAddress WEB = ClientAddress.parse("main.web");
    static final PriorClient PRIOR = new PriorClient("eu-west-1_main", "c1", web("web"), "fp");

    @Test
    void eachRecord_fixesItsAction_andCarriesOnlyWhatTheActionNeeds() {
        var create = new ResourceChange.Create(WEB, ActionReason.CREATE_BECAUSE_NOT_IN_STATE, "eu-west-1_main",
                web("web"), List.of(), false, null);
        var delete = new ResourceChange.Delete(WEB, ActionReason.DELETE_BECAUSE_REMOVED_FROM_DESIRED, PRIOR, true);
        var noOp = new ResourceChange.NoOp(WEB, PRIOR, web("web"), false);

        assertThat(create.action()).isEqualTo(Action.CREATE);
        assertThat(create.existing()).isEmpty();
        assertThat(create.planned()).contains(web("web"));
        assertThat(delete.action()).isEqualTo(Action.DELETE);
        assertThat(delete.planned()).isEmpty();
        assertThat(delete.diffs()).isEmpty();
        assertThat(delete.poolId()).isEqualTo("eu-west-1_main");
        assertThat(delete.destructive()).isTrue();
        assertThat(noOp.reason()).isEqualTo(ActionReason.IN_SYNC);
        assertThat(noOp.existing()).contains(PRIOR);
    }

    @Test
    void aReasonOfAnotherAction_isRefused() {
        assertThatThrownBy(() -> new ResourceChange.Delete(WEB, ActionReason.REPLACE_BECAUSE_POOL_CHANGED, PRIOR, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("replace_because_pool_changed does not go with action delete");
    }

    @Test
    void everyReason_belongsToAnAction() {
        assertThat(ActionReason.values()).extracting(ActionReason::action).doesNotContainNull()
                .contains(Action.values());
    }
}
