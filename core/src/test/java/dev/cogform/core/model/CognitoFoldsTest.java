package dev.cogform.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The folds that make what Cognito stores and what cogform.yaml says compare equal. */
class CognitoFoldsTest {

    static final String APP = "arn:aws:mobiletargeting:us-east-1:123456789012:apps/0123456789abcdef0123456789abcdef";
    static final String SERVICE_LINKED =
            "arn:aws:iam::123456789012:role/aws-service-role/cognito-idp.amazonaws.com/AWSServiceRoleForAmazonCognitoIdp";

    @Test
    void analyticsByArn_withCognitosServiceLinkedRole_equalsNoRole() {
        Analytics asWritten = new Analytics(null, APP, null, null, true);
        Analytics asCognitoStores = new Analytics(null, APP, SERVICE_LINKED, null, true);

        assertThat(asCognitoStores).isEqualTo(asWritten);
        assertThat(asCognitoStores.roleArn()).isNull();
        assertThat(new Analytics(null, APP, SERVICE_LINKED.replace("arn:aws:", "arn:aws-cn:"), null, true))
                .isEqualTo(asWritten);
        assertThat(SettingsJson.fingerprint(AppClientSettings.builder("c").analytics(asCognitoStores).build()))
                .isEqualTo(SettingsJson.fingerprint(AppClientSettings.builder("c").analytics(asWritten).build()));
    }

    @Test
    void otherRoles_andTheServiceLinkedRoleWithAnApplicationId_areKept() {
        String mine = "arn:aws:iam::123456789012:role/cognito-pinpoint";

        assertThat(new Analytics(null, APP, mine, null, true).roleArn()).isEqualTo(mine);
        assertThat(new Analytics("0123456789abcdef0123456789abcdef", null, SERVICE_LINKED, "x", false).roleArn())
                .isEqualTo(SERVICE_LINKED);
        assertThat(new Analytics(null, APP, SERVICE_LINKED + "Other", null, true).roleArn())
                .isEqualTo(SERVICE_LINKED + "Other");
    }

    @Test
    void requiredAttributes_joinANonEmptyWriteAttributes_only() {
        AppClientSettings writesName = AppClientSettings.builder("c").writeAttributes(List.of("name")).build();
        AppClientSettings writesNothing = AppClientSettings.defaults("c");

        assertThat(writesName.withRequiredWritable(Set.of("email")).writeAttributes()).containsExactly("email", "name");
        assertThat(writesName.withRequiredWritable(Set.of())).isSameAs(writesName);
        assertThat(writesNothing.withRequiredWritable(Set.of("email"))).isEqualTo(writesNothing);
    }
}
