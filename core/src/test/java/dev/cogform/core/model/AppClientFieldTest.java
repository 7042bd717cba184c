package dev.cogform.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The descriptor table stays complete and agrees with the record it describes. */
class AppClientFieldTest {

    @Test
    void everyRecordComponent_hasOneDescriptor_inTheRecordsOrder() {
        List<String> components = Arrays.stream(AppClientSettings.class.getRecordComponents())
                .map(RecordComponent::getName).toList();
        AppClientSettings sample = AppClientSettings.defaults("x").toBuilder().clientName("sample").build();

        // Each descriptor sets exactly one component, and they come in the record's order.
        List<String> described = Arrays.stream(AppClientField.values()).map(f -> changedComponent(f, sample)).toList();

        assertThat(described).containsExactlyElementsOf(components);
    }

    @Test
    void cognitoDefault_isWhatAClientWithNothingButItsNameHolds() {
        AppClientSettings defaults = AppClientSettings.defaults("web");

        for (AppClientField f : AppClientField.values()) {
            if (f != AppClientField.NAME) {
                assertThat(f.get(defaults)).as(f.key()).isEqualTo(f.cognitoDefault());
            }
        }
    }

    @Test
    void typeAndKind_describeTheValues() {
        AppClientSettings defaults = AppClientSettings.defaults("web");

        for (AppClientField f : AppClientField.values()) {
            Object value = f.get(defaults);
            if (value != null) {
                assertThat(f.type()).as(f.key()).isAssignableFrom(value.getClass());
            }
            switch (f.kind()) {
                case SCALAR -> assertThat(f.type()).as(f.key()).isIn(String.class, Boolean.class);
                case DURATION -> assertThat(f.type()).as(f.key()).isEqualTo(Long.class);
                case SET -> assertThat(Collection.class).as(f.key()).isAssignableFrom(f.type());
                case STRUCT -> assertThat(f.type().isRecord()).as(f.key()).isTrue();
            }
        }
    }

    @Test
    void descriptors_areComplete() {
        assertThat(AppClientField.values()).allSatisfy(f -> {
            assertThat(f.severity()).as(f.key()).isNotNull();
            assertThat(f.sdkMember()).as(f.key()).matches("[A-Z][A-Za-z]+");
            assertThat(f.key()).as(f.name()).matches("[a-z_]+(\\.[a-z_]+)?");
        });
        assertThat(Arrays.stream(AppClientField.values()).filter(AppClientField::createOnly))
                .containsExactly(AppClientField.GENERATE_SECRET);
    }

    @Test
    void set_acceptsAnyCollectionForSets() {
        AppClientSettings.Builder b = AppClientSettings.builder("web");

        AppClientField.CALLBACK_URLS.set(b, List.of("https://b.example.com", "https://a.example.com"));

        assertThat(b.build().callbackUrls()).containsExactly("https://a.example.com", "https://b.example.com");
    }

    /** The record component that changes when only {@code f} is changed through its descriptor. */
    private static String changedComponent(AppClientField f, AppClientSettings sample) {
        Object value = f.get(sample);
        AppClientSettings.Builder b = sample.toBuilder();
        f.set(b, other(f, value));
        AppClientSettings changed = b.build();
        List<String> differing = Arrays.stream(AppClientSettings.class.getRecordComponents())
                .filter(c -> !java.util.Objects.equals(read(c, sample), read(c, changed)))
                .map(RecordComponent::getName).toList();
        return differing.size() == 1 ? differing.get(0) : "?" + differing;
    }

    private static Object other(AppClientField f, Object value) {
        return switch (f.kind()) {
            case DURATION -> (Long) value + 60;
            case SET -> List.of("zz-other");
            case SCALAR -> f.type() == Boolean.class ? !(Boolean) value : value + "-other";
            case STRUCT -> f == AppClientField.ANALYTICS
                    ? new Analytics(null, "arn:aws:mobiletargeting:us-east-1:1:apps/a", null, null, false)
                    : new RefreshTokenRotation(RefreshTokenRotation.ENABLED, 5);
        };
    }

    private static Object read(RecordComponent c, AppClientSettings s) {
        try {
            return c.getAccessor().invoke(s);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
