package dev.cogform.core.live.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.core.live.GatewayError;
import org.junit.jupiter.api.Test;

class GatewayErrorsTest {

    /** moto_server answers operations it lacks without an error code; that is "other", not a crash. */
    @Test
    void kind_ofAnAnswerWithoutErrorCode_isOther() {
        assertThat(GatewayErrors.kind(null, 400, false)).isEqualTo(GatewayError.OTHER);
        assertThat(GatewayErrors.kind(null, 403, false)).isEqualTo(GatewayError.ACCESS_DENIED);
        assertThat(GatewayErrors.kind("LimitExceededException", 400, false)).isEqualTo(GatewayError.LIMIT_EXCEEDED);
    }
}
