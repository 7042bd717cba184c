package dev.cogform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogform.bench.BenchOptions.Phase;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void badValues_sayWhichOptionAndHowToFixIt() {
        assertThatThrownBy(() -> new BenchOptions(0, 1, 1, Phase.PLAN)).hasMessageContaining("--clients");
        assertThatThrownBy(() -> new BenchOptions(10, 11, 1, Phase.PLAN)).hasMessageContaining("--pools");
        assertThatThrownBy(() -> new BenchOptions(10, 1, 0, Phase.PLAN)).hasMessageContaining("--quota-scale");
        assertThatThrownBy(() -> new BenchOptions(2001, 2, 1, Phase.PLAN))
                .hasMessageContaining("1000 clients per pool").hasMessageContaining("at least 3 pools");
    }

    @Test
    void phases_sayWhatTheyMeasure() {
        assertThat(new BenchOptions(1, 1, 1, Phase.PLAN)).matches(BenchOptions::measuresPlan)
                .matches(o -> !o.measuresApply());
        assertThat(new BenchOptions(1, 1, 1, Phase.BOTH)).matches(BenchOptions::measuresPlan)
                .matches(BenchOptions::measuresApply);
        assertThat(Phase.APPLY.word()).isEqualTo("apply");
    }
}
