package dev.cogform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON 1.1 wire format, checked with a plain HTTP client. */
class SandboxProtocolTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Sandbox sandbox;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxClients.noQuotas());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static HttpResponse<String> post(String target, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(sandbox.endpoint().resolve("/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            b.header("X-Amz-Target", target);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> response, int status, String type) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains(type);
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("__type").asText()).isEqualTo(type);
        assertThat(body.path("message").asText()).isNotBlank();
    }

    @Test
    void success_carriesARequestId_theJsonContentType_andFractionalEpochDates() throws Exception {
        HttpResponse<String> r = post("AWSCognitoIdentityProviderService.CreateUserPool", "{\"PoolName\":\"wire\"}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("x-amzn-RequestId")).hasValueSatisfying(id -> assertThat(id).isNotBlank());
        assertThat(r.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.1");
        JsonNode pool = JSON.readTree(r.body()).path("UserPool");
        assertThat(pool.path("CreationDate").isNumber()).isTrue();
        assertThat(pool.path("Id").asText()).startsWith("us-east-1_");
    }

    @Test
    void unknownOrMissingTarget_isUnknownOperation() throws Exception {
        assertError(post("AWSCognitoIdentityProviderService.AdminCreateUser", "{}"), 400, "UnknownOperationException");
        assertError(post("AmazonS3.ListBuckets", "{}"), 400, "UnknownOperationException");
        assertError(post(null, "{}"), 400, "UnknownOperationException");
    }

    @Test
    void malformedBodiesAndWrongTypes_areSerializationErrors() throws Exception {
        assertError(post("AWSCognitoIdentityProviderService.ListUserPools", "{not json"), 400, "SerializationException");
        assertError(post("AWSCognitoIdentityProviderService.ListUserPools", "[1]"), 400, "SerializationException");
        String pool = sandbox.ensurePool("types");
        assertError(post("AWSCognitoIdentityProviderService.CreateUserPoolClient",
                "{\"UserPoolId\":\"" + pool + "\",\"ClientName\":\"x\",\"RefreshTokenValidity\":\"thirty\"}"),
                400, "SerializationException");
        assertError(post("AWSCognitoIdentityProviderService.CreateUserPoolClient",
                "{\"UserPoolId\":\"" + pool + "\",\"ClientName\":\"x\",\"GenerateSecret\":\"yes\"}"),
                400, "SerializationException");
    }

    @Test
    void get_saysItIsTheSandbox() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(sandbox.endpoint()).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("cogform sandbox (not AWS)");
    }
}
