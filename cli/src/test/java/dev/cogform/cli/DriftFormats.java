package dev.cogform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

/** Validates drift reports against the published formats: SARIF 2.1.0's schema and the common JUnit XML schema. */
public final class DriftFormats {

    private static final JsonSchema SARIF;

    static {
        try (InputStream in = DriftFormats.class.getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
            SARIF = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        } catch (java.io.IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private DriftFormats() {
    }

    public static void assertValidSarif(String text) {
        try {
            var errors = SARIF.validate(new ObjectMapper().readTree(text));
            assertThat(errors).as("SARIF 2.1.0 schema errors in:\n%s", text).isEmpty();
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    public static void assertValidJunit(String text) {
        try {
            var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            var schema = factory.newSchema(DriftFormats.class.getResource("/schemas/junit.xsd"));
            schema.newValidator().validate(new StreamSource(new StringReader(text)));
        } catch (Exception e) {
            throw new AssertionError("invalid JUnit XML (" + e.getMessage() + "):\n" + text, e);
        }
    }
}
