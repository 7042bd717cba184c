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

    @Test
    void map_aProfileWithoutCredentials_namesTheProfile_withoutTheSdksDump() {
        // The SDK's own message, as it reads when provider.profile names a profile with no keys.
        var e = software.amazon.awssdk.core.exception.SdkClientException.create(
                "Profile file contained no credentials for profile 'prod': ProfileFile(sections=[])");

        var mapped = GatewayErrors.map(CognitoOperation.LIST_USER_POOLS, null, e, 1);

        assertThat(mapped.error()).isEqualTo(GatewayError.ACCESS_DENIED);
        assertThat(mapped.getMessage()).isEqualTo("ListUserPools: the AWS profile 'prod' has no credentials (in"
                + " ~/.aws/credentials or ~/.aws/config); check provider.profile and AWS_PROFILE");
    }
}
