package dev.cogform.core.desired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.core.model.AppClientField;
import dev.cogform.core.spec.CognitoModel;
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
 * Every member of the SDK's CreateUserPoolClientRequest (and of its nested structures) is a key of
 * cogform.yaml or on the commented ignore list, so a member AWS adds cannot slip by unnoticed.
 */
class SdkCoverageTest {

    /** SDK member → the cogform.yaml key that expresses it. */
    static final Map<String, String> REQUEST = Map.ofEntries(
            Map.entry("ClientName", "name"),
            Map.entry("GenerateSecret", "generate_secret"),
            Map.entry("RefreshTokenValidity", "token_validity.refresh"),
            Map.entry("AccessTokenValidity", "token_validity.access"),
            Map.entry("IdTokenValidity", "token_validity.id"),
            Map.entry("ReadAttributes", "read_attributes"),
            Map.entry("WriteAttributes", "write_attributes"),
            Map.entry("ExplicitAuthFlows", "explicit_auth_flows"),
            Map.entry("SupportedIdentityProviders", "supported_identity_providers"),
            Map.entry("CallbackURLs", "callback_urls"),
            Map.entry("LogoutURLs", "logout_urls"),
            Map.entry("DefaultRedirectURI", "default_redirect_uri"),
            Map.entry("AllowedOAuthFlows", "allowed_oauth_flows"),
            Map.entry("AllowedOAuthScopes", "allowed_oauth_scopes"),
            Map.entry("AllowedOAuthFlowsUserPoolClient", "allowed_oauth_flows_user_pool_client"),
            Map.entry("AnalyticsConfiguration", "analytics"),
            Map.entry("PreventUserExistenceErrors", "prevent_user_existence_errors"),
            Map.entry("EnableTokenRevocation", "enable_token_revocation"),
            Map.entry("EnablePropagateAdditionalUserContextData", "enable_propagate_additional_user_context_data"),
            Map.entry("AuthSessionValidity", "auth_session_validity"),
            Map.entry("RefreshTokenRotation", "refresh_token_rotation"));

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
                .as("CreateUserPoolClientRequest.%s is neither mapped to a cogform.yaml key nor ignored", m).isTrue());
        assertThat(members).as("every mapped member still exists").containsAll(REQUEST.keySet());
        assertThat(REQUEST.values()).allSatisfy(key -> assertThat(AppClientField.byKey(key)).as(key).isPresent());
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
