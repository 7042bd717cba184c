package dev.cogform.core.live.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.testing.SettingsArbitraries;
import dev.cogform.core.testing.SettingsArbitraries.SingleChange;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * Desired settings → request → what Cognito echoes → canonical settings is the identity, whichever
 * way the server shows defaults; and no single change away from a default is folded away.
 */
class AppClientMapperPropertiesTest {

    private static final String POOL = "us-east-1_Pool0001";
    private static final String CLIENT = "client0000000000000000001";

    @Provide
    Arbitrary<AppClientSettings> settings() {
        return SettingsArbitraries.validSettings();
    }

    @Provide
    Arbitrary<SingleChange> changes() {
        return SettingsArbitraries.singleFieldChanges();
    }

    @Property(tries = 300)
    void create_thenDescribe_returnsTheDesiredSettings(@ForAll("settings") AppClientSettings desired,
                                                       @ForAll CognitoEcho.Style style) {
        CreateUserPoolClientRequest request = AppClientMapper.toCreate(POOL, desired);

        UserPoolClientType described = CognitoEcho.echo(request, CLIENT, desired.generateSecret(), style);

        assertThat(AppClientMapper.toSettings(described)).isEqualTo(desired);
    }

    @Property(tries = 300)
    void update_thenDescribe_returnsTheDesiredSettings(@ForAll("settings") AppClientSettings desired,
                                                       @ForAll CognitoEcho.Style style) {
        UpdateUserPoolClientRequest request = AppClientMapper.toUpdate(POOL, CLIENT, desired);

        UserPoolClientType described = CognitoEcho.echo(request, CLIENT, desired.generateSecret(), style);

        assertThat(AppClientMapper.toSettings(described)).isEqualTo(desired);
    }

    @Property(tries = 500)
    void aChangeAwayFromADefault_isAlwaysSeen(@ForAll("changes") SingleChange change,
                                              @ForAll CognitoEcho.Style style) {
        AppClientSettings defaults = AppClientSettings.defaults(change.settings().clientName());
        UserPoolClientType described = CognitoEcho.echo(AppClientMapper.toCreate(POOL, change.settings()), CLIENT,
                change.settings().generateSecret(), style);

        AppClientSettings read = AppClientMapper.toSettings(described);

        assertThat(read).isNotEqualTo(defaults);
        assertThat(change.field().get(read)).isEqualTo(change.field().get(change.settings()))
                .isNotEqualTo(change.field().get(defaults));
    }

    @Property(tries = 300)
    void tokenValidities_travelInUnitsThatKeepTheRawValueInRange(@ForAll("settings") AppClientSettings desired) {
        UpdateUserPoolClientRequest r = AppClientMapper.toUpdate(POOL, CLIENT, desired);

        assertThat(r.tokenValidityUnits()).isNotNull();
        assertThat((long) r.accessTokenValidity() * TokenUnit.parse(r.tokenValidityUnits().accessTokenAsString(), null)
                .seconds()).isEqualTo(desired.accessTokenValiditySeconds());
        assertThat((long) r.idTokenValidity() * TokenUnit.parse(r.tokenValidityUnits().idTokenAsString(), null)
                .seconds()).isEqualTo(desired.idTokenValiditySeconds());
        assertThat((long) r.refreshTokenValidity()
                * TokenUnit.parse(r.tokenValidityUnits().refreshTokenAsString(), null).seconds())
                .isEqualTo(desired.refreshTokenValiditySeconds());
        // Raw model ranges: access/ID 1-86400, refresh 0-315360000, whatever the unit.
        assertThat(r.accessTokenValidity()).isBetween(1, 86_400);
        assertThat(r.idTokenValidity()).isBetween(1, 86_400);
        assertThat(r.refreshTokenValidity()).isBetween(0, 315_360_000);
    }
}
