package dev.cogform.core.spec;

import dev.cogform.core.spec.Rule.Stage;
import java.util.List;

/** The rules the loader checks while it reads the YAML: syntax, keys, types, variables and the stack's blocks. */
public final class LoadRules {

    public static final Rule STACK_MISSING = Rule.error("stack.missing", Stage.LOAD,
            "The stack directory holds cogform.yaml.");
    public static final Rule STACK_UNREADABLE = Rule.error("stack.unreadable", Stage.LOAD,
            "cogform.yaml (or a --var-file) can be read as UTF-8 text.");
    public static final Rule YAML_SYNTAX = Rule.error("yaml.syntax", Stage.LOAD,
            "The file is one well-formed YAML document.");
    public static final Rule YAML_LIMITS = Rule.error("yaml.limits", Stage.LOAD,
            "At most 50 aliases of lists or maps, 3 MB of text, and 32 Mi characters of values after aliases and"
                    + " ${var} references expand (no \"billion laughs\").");
    public static final Rule YAML_TAG = Rule.error("yaml.tag", Stage.LOAD,
            "No custom YAML tags: only plain strings, numbers, booleans, lists and maps.");
    public static final Rule DUPLICATE_KEY = Rule.error("yaml.duplicate-key", Stage.LOAD,
            "A key appears once per map.");
    public static final Rule UNKNOWN_KEY = Rule.error("yaml.unknown-key", Stage.LOAD,
            "Every key is one the language defines (with a did-you-mean suggestion).");
    public static final Rule TYPE = Rule.error("yaml.type", Stage.LOAD,
            "Every value has the expected type (string, boolean, number, list or map).");
    public static final Rule REQUIRED = Rule.error("yaml.required", Stage.LOAD,
            "Required keys are present (version, pools).");
    public static final Rule DUPLICATE_ITEM = Rule.warning("yaml.duplicate-item", Stage.LOAD,
            "Lists are sets: an item listed twice counts once.");
    public static final Rule VERSION = Rule.error("version.supported", Stage.LOAD,
            "version: 1 is the only format version.");
    public static final Rule DURATION = Rule.error("duration.format", Stage.LOAD,
            "Durations are a whole number and a unit s, m, h or d, such as 30m.");
    public static final Rule VAR_SYNTAX = Rule.error("var.syntax", Stage.LOAD,
            "References are ${var.NAME} or ${env.NAME}; write $${ for a literal ${.");
    public static final Rule VAR_UNRESOLVED = Rule.error("var.unresolved", Stage.LOAD,
            "Every referenced variable has a value (variables:, --var-file, --var, or the environment for env.).");
    public static final Rule VAR_REQUIRED = Rule.error("var.required", Stage.LOAD,
            "A variable declared without a default (NAME: null) is given with --var or --var-file.");
    public static final Rule VAR_FILE = Rule.error("var.file", Stage.LOAD,
            "A --var-file exists and is a YAML map of names to plain values.");
    public static final Rule VAR_UNUSED = Rule.warning("var.unused", Stage.LOAD,
            "A --var or --var-file value names a variable the stack neither declares nor uses.");
    public static final Rule PROVIDER = Rule.error("provider.format", Stage.LOAD,
            "provider: region like eu-west-1, endpoint an http(s) URL or `sandbox`, assume_role_arn an IAM role ARN.");
    public static final Rule QUOTA = Rule.error("provider.quota", Stage.LOAD,
            "provider.quotas rates are 0.1 to 10000 requests per second.");
    public static final Rule STATE_BACKEND = Rule.error("state.backend", Stage.LOAD,
            "state: backend local (path) or s3 (bucket and key required; region, endpoint, kms_key_id optional).");
    public static final Rule POOL_REFERENCE = Rule.error("pool.reference", Stage.LOAD,
            "A pool names exactly one of id or name.");
    public static final Rule POOL_ID = Rule.error("pool.id-format", Stage.LOAD,
            "A pool id looks like eu-west-1_AbCdEf123 (1 to 55 characters, REGION_ID).");
    public static final Rule POOL_NAME = Rule.error("pool.name-format", Stage.LOAD,
            "A pool name is 1 to 128 letters, digits, spaces or + = , . @ - _.");
    public static final Rule KEY_FORMAT = Rule.error("address.key-format", Stage.LOAD,
            "Pool and client keys match [a-z0-9][a-z0-9_-]*: they form the address pool.client.");
    public static final Rule ADDRESS_UNIQUE = Rule.error("address.unique", Stage.LOAD,
            "Each pool key, and each client key within a pool, appears once: addresses are unique.");
    public static final Rule SAME_POOL = Rule.warning("pool.same-target", Stage.LOAD,
            "Two pool keys should not name the same user pool.");
    public static final Rule IGNORE_CHANGES = Rule.error("lifecycle.ignore-changes", Stage.LOAD,
            "lifecycle.ignore_changes lists client field keys, such as callback_urls or token_validity.access.");
    public static final Rule SECRET_NOT_IN_YAML = Rule.error("secret.not-in-yaml", Stage.LOAD,
            "A client secret never lives in YAML: use generate_secret: true and let Cognito create it.");
    public static final Rule ROTATION_FEATURE_REQUIRED = Rule.error("rotation.feature-required", Stage.LOAD,
            "refresh_token_rotation needs feature: ENABLED or DISABLED.");
    public static final Rule ROTATION_GRACE_IGNORED = Rule.warning("rotation.grace-ignored", Stage.LOAD,
            "A retry grace period means nothing while rotation is DISABLED (Cognito answers 0).");

    /** Loading failed without a diagnostic saying why: a bug, reported rather than failing silently. */
    public static final Rule LOAD_FAILED = Rule.error("load.failed", Stage.LOAD,
            "Loading reports why it failed; this id appears only when it did not (a bug: please report it).");

    public static final Rule IMPORT_ID = Rule.error("import.id-format", Stage.LOAD,
            "import_id is an app client id, given in the client's own map (not in pool defaults).");
    public static final Rule SECRET_ROTATION = Rule.error("secret.rotation", Stage.LOAD,
            "secret_rotation gives every and overlap (overlap shorter than every), on a client with generate_secret: true.");

    private LoadRules() {
    }

    /** The loader's rules, in the order the docs list them. */
    public static List<Rule> all() {
        return List.of(STACK_MISSING, STACK_UNREADABLE, YAML_SYNTAX, YAML_LIMITS, YAML_TAG, DUPLICATE_KEY, UNKNOWN_KEY,
                TYPE, REQUIRED, DUPLICATE_ITEM, VERSION, DURATION, VAR_SYNTAX, VAR_UNRESOLVED, VAR_REQUIRED, VAR_FILE,
                VAR_UNUSED, PROVIDER, QUOTA, STATE_BACKEND, POOL_REFERENCE, POOL_ID, POOL_NAME, KEY_FORMAT,
                ADDRESS_UNIQUE, SAME_POOL, IGNORE_CHANGES, SECRET_NOT_IN_YAML, ROTATION_FEATURE_REQUIRED,
                ROTATION_GRACE_IGNORED, LOAD_FAILED, IMPORT_ID, SECRET_ROTATION);
    }
}
