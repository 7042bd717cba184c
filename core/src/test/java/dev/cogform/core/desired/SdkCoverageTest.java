package dev.cogform.core.desired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.core.model.AppClientField;
import dev.cogform.core.spec.CognitoModel;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AnalyticsConfigurationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RefreshTokenRotationType;

/**
 * Every member of the SDK's CreateUserPoolClientRequest (and of its nested structures) is the
 * {@link AppClientField#sdkMember()} of a field or on the commented ignore list, so a member AWS adds
 * cannot slip by unnoticed.
 */
class SdkCoverageTest {

    /** SDK member → the cogform.yaml key that expresses it, as the field descriptors say. */
    static final Map<String, String> REQUEST = Arrays.stream(AppClientField.values())
            .collect(Collectors.toMap(AppClientField::sdkMember, AppClientField::key));

    static final Set<String> IGNORED = Set.of(
            // The pool is the parent of the client: pools.<key>.id or name, not a client field.
            "UserPoolId",
            // Deliberately unsupported: a secret never lives in YAML (generate_secret: true lets Cognito make one).
            "ClientSecret",
            // Not a field of its own: cogform keeps durations in seconds and derives the units when it writes.
            "TokenValidityUnits");

    static final Map<String, String> ANALYTICS = Map.of("ApplicationId", "application_id",
            "ApplicationArn", "application_arn", "RoleArn", "role_arn", "ExternalId", "external_id",
            "UserDataShared", "user_data_shared");
    static final Map<String, String> ROTATION = Map.of("Feature", "feature",
            "RetryGracePeriodSeconds", "retry_grace_period");

    private static Set<String> members(List<SdkField<?>> fields) {
        return fields.stream().map(SdkField::memberName).collect(Collectors.toSet());
    }

    @Test
    void createRequest_everyMemberIsAYamlKeyOrIgnored() {
        Set<String> members = members(CreateUserPoolClientRequest.builder().build().sdkFields());

        assertThat(members).allSatisfy(m -> assertThat(REQUEST.containsKey(m) || IGNORED.contains(m))
                .as("CreateUserPoolClientRequest.%s is neither an AppClientField sdkMember nor ignored;"
                        + " see docs/contributing.md, Adding a Cognito field", m).isTrue());
        assertThat(members).as("every mapped member still exists").containsAll(REQUEST.keySet());
    }

    @Test
    void createRequest_membersMatchTheBundledCognitoModel() {
        assertThat(members(CreateUserPoolClientRequest.builder().build().sdkFields()))
                .containsExactlyInAnyOrderElementsOf(CognitoModel.members("CreateUserPoolClientRequest"));
    }

    @Test
    void nestedStructures_everyMemberIsAYamlKey() {
        assertThat(members(AnalyticsConfigurationType.builder().build().sdkFields()))
                .containsExactlyInAnyOrderElementsOf(ANALYTICS.keySet());
        assertThat(ANALYTICS.values()).containsExactlyInAnyOrderElementsOf(ClientReader.ANALYTICS_KEYS);
        assertThat(members(RefreshTokenRotationType.builder().build().sdkFields()))
                .containsExactlyInAnyOrderElementsOf(ROTATION.keySet());
        assertThat(ROTATION.values()).containsExactlyInAnyOrderElementsOf(ClientReader.ROTATION_KEYS);
    }
}
