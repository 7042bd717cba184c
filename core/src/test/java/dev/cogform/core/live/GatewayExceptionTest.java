package dev.cogform.core.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatewayExceptionTest {

    @Test
    void detail_addsTheCodesOnlyWhereTheMessageLacksThem() {
        assertThat(new GatewayException(GatewayError.INVALID_PARAMETER, "Invalid range for token validity.",
                "InvalidParameterException", "R1", null).detail())
                .isEqualTo("InvalidParameterException: Invalid range for token validity. (reason R1)");
        assertThat(new GatewayException(GatewayError.INVALID_PARAMETER,
                "UpdateUserPoolClient on pool p: bad (InvalidParameterException, reason R1)",
                "InvalidParameterException", "R1", null).detail())
                .isEqualTo("UpdateUserPoolClient on pool p: bad (InvalidParameterException, reason R1)");
        assertThat(new GatewayException(GatewayError.UNREACHABLE, "cannot connect").detail()).isEqualTo("cannot connect");
    }
}
