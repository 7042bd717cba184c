package dev.cogform.core.desired;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogform.core.model.AppClientField;
import dev.cogform.core.spec.CognitoModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The schema and the loader must name the same keys and values, so that neither drifts from the other. */
class StackSchemaTest {

    static JsonNode schema;

    @BeforeAll
    static void read() throws Exception {
        schema = new ObjectMapper().readTree(StackSchema.json());
    }

    private static List<String> names(JsonNode properties) {
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode client() {
        return schema.path("$defs").path("client").path("properties");
    }

    @Test
    void schema_isDraft202012() {
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void clientProperties_areExactlyTheAppClientFieldKeys_lifecycle_importId_andSecretRotation() {
        List<String> keys = new ArrayList<>();
        for (String name : names(client())) {
            JsonNode nested = client().path(name).path("properties");
            if (name.equals("token_validity")) {
                names(nested).forEach(sub -> keys.add(name + "." + sub));
            } else if (!List.of("lifecycle", "import_id", "secret_rotation").contains(name)) {
                keys.add(name);
            }
        }

        assertThat(keys).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(AppClientField.values()).map(AppClientField::key).toList());
        assertThat(names(client())).containsExactlyInAnyOrderElementsOf(ClientReader.CLIENT_KEYS);
    }

    @Test
    void nestedAndTopLevelProperties_matchTheLoader() {
        for (Map.Entry<String, List<String>> e : ClientReader.nestedKeys().entrySet()) {
            assertThat(names(client().path(e.getKey()).path("properties"))).as(e.getKey())
                    .containsExactlyElementsOf(e.getValue());
        }
        JsonNode top = schema.path("properties");
        assertThat(names(top)).containsExactlyElementsOf(StackReader.TOP_KEYS);
        assertThat(names(top.path("provider").path("properties"))).containsExactlyElementsOf(StackReader.PROVIDER_KEYS);
        assertThat(names(top.path("provider").path("properties").path("quotas").path("properties")))
                .containsExactlyElementsOf(StackReader.QUOTA_KEYS);
        assertThat(names(top.path("state").path("properties"))).containsExactlyElementsOf(StackReader.STATE_KEYS);
        assertThat(names(schema.path("$defs").path("pool").path("properties"))).containsExactlyElementsOf(StackReader.POOL_KEYS);
    }

    /**
     * The field properties are generated from the descriptors; {@code -Dgolden.update=true} writes
     * them into the resource (in the client and in the pool defaults), keeping everything else.
     */
    @Test
    void fieldProperties_areGeneratedFromTheDescriptors() throws Exception {
        ObjectNode expected = schema.deepCopy();
        for (String parent : List.of("/$defs/client", "/$defs/pool/properties/defaults")) {
            ObjectNode owner = (ObjectNode) expected.at(parent);
            owner.replace("properties", FieldSchema.properties((ObjectNode) owner.path("properties")));
        }
        Path resource = Path.of("src/main/resources/dev/cogform/core/desired", StackSchema.RESOURCE);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(resource, FieldSchema.write(expected));
            return;
        }

        assertThat(FieldSchema.write(schema)).as("%s is out of date; regenerate it with -Dgolden.update=true"
                + " (docs/contributing.md)", resource).isEqualTo(FieldSchema.write(expected));
        assertThat(Files.readString(resource)).as("the resource's layout").isEqualTo(FieldSchema.write(schema));
    }

    @Test
    void enums_areCognitoModelEnums() {
        assertThat(values(client().path("explicit_auth_flows").path("items").path("enum")))
                .containsExactlyElementsOf(CognitoModel.enumValues("ExplicitAuthFlowsType"));
        assertThat(values(client().path("allowed_oauth_flows").path("items").path("enum")))
                .containsExactlyElementsOf(CognitoModel.enumValues("OAuthFlowType"));
        assertThat(values(client().path("prevent_user_existence_errors").path("enum")))
                .containsExactlyElementsOf(CognitoModel.enumValues("PreventUserExistenceErrorTypes"));
        assertThat(values(client().path("refresh_token_rotation").path("properties").path("feature").path("enum")))
                .containsExactlyElementsOf(CognitoModel.enumValues("FeatureType"));
    }

    private static List<String> values(JsonNode array) {
        List<String> v = new ArrayList<>();
        array.forEach(n -> v.add(n.asText()));
        return v;
    }
}
