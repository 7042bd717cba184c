package dev.cogform.state.s3;

import java.util.Objects;

/**
 * Where an S3 state lives: bucket and key, and optionally the region, a custom endpoint (an
 * S3-compatible store; addressed path-style) and the KMS key for SSE-KMS. Unset members are null.
 */
public record S3Location(String bucket, String key, String region, String endpoint, String kmsKeyId) {

    public S3Location {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("an S3 state needs a bucket");
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("an S3 state needs a key");
        }
    }

    /**
     * Parses {@code s3://BUCKET/KEY}; fails with a message naming the expected form.
     */
    public static S3Location parse(String url, String region, String endpoint, String kmsKeyId) {
        Objects.requireNonNull(url, "url");
        String rest = url.startsWith("s3://") ? url.substring(5) : null;
        int slash = rest == null ? -1 : rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new IllegalArgumentException("'" + url + "' is not an S3 location; write s3://BUCKET/KEY,"
                    + " for example s3://my-bucket/cogform/state.json");
        }
        return new S3Location(rest.substring(0, slash), rest.substring(slash + 1), region, endpoint, kmsKeyId);
    }

    public String url() {
        return "s3://" + bucket + "/" + key;
    }
}
