package dev.cogform.core.live.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.RefreshTokenRotation;
import dev.cogform.core.testing.SampleClients;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TokenValidityUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

class AppClientMapperTest {

    @Test
    void update_sendsDefaultsExplicitly_zeroValuesIncluded() {
        UpdateUserPoolClientRequest r = AppClientMapper.toUpdate("p_1", "c", AppClientSettings.defaults("web"));

        assertThat(r.enableTokenRevocation()).isTrue();
        assertThat(r.allowedOAuthFlowsUserPoolClient()).isFalse();
        assertThat(r.enablePropagateAdditionalUserContextData()).isFalse();
        assertThat(r.authSessionValidity()).isEqualTo(3);
        assertThat(r.hasCallbackURLs()).isTrue();
        assertThat(r.callbackURLs()).isEmpty();
        assertThat(r.explicitAuthFlowsAsStrings())
                .containsExactly("ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH");
        assertThat(r.preventUserExistenceErrorsAsString()).isEqualTo("LEGACY");
        assertThat(r.refreshTokenRotation().featureAsString()).isEqualTo("DISABLED");
        assertThat(r.refreshTokenRotation().retryGracePeriodSeconds()).isZero();
        assertThat(List.of(r.accessTokenValidity(), r.idTokenValidity(), r.refreshTokenValidity()))
                .containsExactly(1, 1, 30);
        assertThat(List.of(r.tokenValidityUnits().accessTokenAsString(), r.tokenValidityUnits().idTokenAsString(),
                r.tokenValidityUnits().refreshTokenAsString())).containsExactly("hours", "hours", "days");
    }

    @Test
    void durations_useTheLargestExactUnit_orSeconds() {
        AppClientSettings s = AppClientSettings.builder("web")
                .accessTokenValiditySeconds(90 * 60)
                .idTokenValiditySeconds(3_601)
                .refreshTokenValiditySeconds(3_650L * 86_400)
                .build();

        UpdateUserPoolClientRequest r = AppClientMapper.toUpdate("p_1", "c", s);

        assertThat(r.accessTokenValidity()).isEqualTo(90);
        assertThat(r.tokenValidityUnits().accessTokenAsString()).isEqualTo("minutes");
        assertThat(r.idTokenValidity()).isEqualTo(3_601);
        assertThat(r.tokenValidityUnits().idTokenAsString()).isEqualTo("seconds");
        assertThat(r.refreshTokenValidity()).isEqualTo(3_650);
        assertThat(r.tokenValidityUnits().refreshTokenAsString()).isEqualTo("days");
    }

    @Test
    void describe_withNothingButAName_readsAsCognitosDefaults() {
        UserPoolClientType bare = UserPoolClientType.builder().clientName("web").clientId("c").userPoolId("p_1").build();

        assertThat(AppClientMapper.toSettings(bare)).isEqualTo(AppClientSettings.defaults("web"));
    }

    @Test
    void describe_withEmptyUnitsObject_usesTheDefaultUnitPerToken() {
        UserPoolClientType c = UserPoolClientType.builder().clientName("web")
                .accessTokenValidity(2).idTokenValidity(3).refreshTokenValidity(4)
                .tokenValidityUnits(TokenValidityUnitsType.builder().build())
                .build();

        AppClientSettings s = AppClientMapper.toSettings(c);

        assertThat(s.accessTokenValiditySeconds()).isEqualTo(2 * 3_600);
        assertThat(s.idTokenValiditySeconds()).isEqualTo(3 * 3_600);
        assertThat(s.refreshTokenValiditySeconds()).isEqualTo(4 * 86_400);
    }

    @Test
    void describe_keepsEnumValuesNewerThanTheSdk() {
        UserPoolClientType c = UserPoolClientType.builder().clientName("web")
                .explicitAuthFlowsWithStrings("ALLOW_FUTURE_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")
                .allowedOAuthFlowsWithStrings("device_code")
                .preventUserExistenceErrors("STRICT")
                .build();

        AppClientSettings s = AppClientMapper.toSettings(c);

        assertThat(s.explicitAuthFlows()).containsExactly("ALLOW_FUTURE_AUTH", "ALLOW_REFRESH_TOKEN_AUTH");
        assertThat(s.allowedOAuthFlows()).containsExactly("device_code");
        assertThat(s.preventUserExistenceErrors()).isEqualTo("STRICT");
    }

    @Test
    void describe_withAnUnknownTokenUnit_failsNamingIt() {
        UserPoolClientType c = UserPoolClientType.builder().clientName("web").accessTokenValidity(1)
                .tokenValidityUnits(TokenValidityUnitsType.builder().accessToken("weeks").build()).build();

        assertThatThrownBy(() -> AppClientMapper.toSettings(c)).hasMessageContaining("'weeks'");
    }

    @Test
    void generateSecret_isThePresenceOfASecret() {
        UserPoolClientType c = UserPoolClientType.builder().clientName("web").clientSecret("TOPSECRETvalue1234567890").build();

        AppClientSettings s = AppClientMapper.toSettings(c);

        // AppClientSettings has no member that could hold the secret itself: only this flag.
        assertThat(s.generateSecret()).isTrue();
    }

    @Test
    void disabledRotation_readsAsTheDefaultWhateverGraceComesBack() {
        UserPoolClientType c = UserPoolClientType.builder().clientName("web")
                .refreshTokenRotation(r -> r.feature("DISABLED").retryGracePeriodSeconds(0)).build();

        assertThat(AppClientMapper.toSettings(c).refreshTokenRotation()).isEqualTo(RefreshTokenRotation.DEFAULT);
    }

    @Test
    void authSessionValidity_mustBeWholeMinutes() {
        AppClientSettings s = AppClientSettings.builder("web").authSessionValiditySeconds(200).build();

        assertThatThrownBy(() -> AppClientMapper.toUpdate("p", "c", s)).hasMessageContaining("whole minutes");
    }

    @Test
    void everyFieldSample_survivesCreate() {
        AppClientSettings full = SampleClients.everyFieldSet("full");

        var request = AppClientMapper.toCreate("p_1", full);

        assertThat(request.generateSecret()).isTrue();
        assertThat(Set.copyOf(request.callbackURLs())).isEqualTo(full.callbackUrls());
        assertThat(AppClientMapper.toSettings(CognitoEcho.echo(request, "c", true, CognitoEcho.Style.FULL)))
                .isEqualTo(full);
    }
}
