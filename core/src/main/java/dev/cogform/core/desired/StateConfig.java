package dev.cogform.core.desired;

/**
 * Where the state lives. {@code backend} is {@code local} (with {@code path}, relative to the stack)
 * or {@code s3} (with bucket, key, region, optional endpoint and kms_key_id). Unset members are null.
 */
public record StateConfig(String backend, String path, String bucket, String key, String region,
                          String endpoint, String kmsKeyId) {

    public static final String LOCAL = "local";
    public static final String S3 = "s3";
    public static final String DEFAULT_PATH = ".cogform/state.json";

    public static StateConfig defaultLocal() {
        return new StateConfig(LOCAL, DEFAULT_PATH, null, null, null, null, null);
    }
}
