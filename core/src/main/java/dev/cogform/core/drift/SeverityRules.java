package dev.cogform.core.drift;

import dev.cogform.core.model.DriftSeverity;
import dev.cogform.core.model.AppClientField;
import java.util.Map;
import java.util.Set;

/**
 * The severity of each kind of difference, with an id per field class (the SARIF rule id). Defaults
 * are set-member aware: a callback URL added is high, one removed medium. Overrides, from the ignore
 * file's {@code severities:}, are keyed by a field's YAML key (all its rules) or by a rule id, the
 * rule id winning. Documented in docs/drift.md; a test checks every field has a rule.
 */
public final class SeverityRules {

    /** Explicit auth flows that send a password to Cognito: ALLOW_ ones and their legacy names. */
    static final Set<String> PASSWORD_FLOWS = Set.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH",
            "USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY");

    /** A rule that matched: its id and severity. */
    public record Rule(String id, DriftSeverity severity) {
    }

    /** Every rule id with its default severity and what it covers, for docs and SARIF's rule list. */
    public static final Map<String, String> DESCRIPTIONS = descriptions();

    private static Map<String, String> descriptions() {
        Map<String, String> out = new java.util.TreeMap<>(Map.ofEntries(
                Map.entry("callback-url-added", "A callback URL was added: tokens can be sent to it (high)"),
                Map.entry("callback-url-removed", "A callback URL was removed (medium)"),
                Map.entry("logout-url-added", "A logout URL was added (high)"),
                Map.entry("logout-url-removed", "A logout URL was removed (medium)"),
                Map.entry("implicit-flow-added", "The implicit OAuth flow was added: tokens in URLs (high)"),
                Map.entry("oauth-flow-changed", "Another OAuth flow was added or removed (medium)"),
                Map.entry("password-flow-added", "A password auth flow was added (high)"),
                Map.entry("auth-flow-changed", "Another explicit auth flow was added or removed (medium)"),
                Map.entry("scope-added", "An OAuth scope was added (high)"),
                Map.entry("scope-removed", "An OAuth scope was removed (medium)"),
                Map.entry("token-revocation-disabled", "Token revocation was turned off (high)"),
                Map.entry("token-revocation-enabled", "Token revocation was turned on (medium)"),
                Map.entry("user-existence-errors-legacy", "prevent_user_existence_errors went back to LEGACY (high)"),
                Map.entry("user-existence-errors-enabled", "prevent_user_existence_errors was set to ENABLED (medium)"),
                Map.entry("client-deleted", "A managed client was deleted outside cogform (high)"),
                Map.entry("client-not-created", "A client in cogform.yaml was never created (low)"),
                Map.entry("client-not-removed", "A client removed from cogform.yaml still exists (low)"),
                Map.entry("client-not-checked", "A client could not be read (not drift; fails the run)"),
                Map.entry("unmanaged-client", "A live client no address manages (low)"),
                Map.entry("unmanaged-machine-client", "An unmanaged client with a secret and client_credentials (high)")));
        out.putAll(fieldRules());
        return java.util.Collections.unmodifiableMap(out);
    }

    private final Map<String, DriftSeverity> overrides;

    private SeverityRules(Map<String, DriftSeverity> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    public static SeverityRules defaults() {
        return new SeverityRules(Map.of());
    }

    /** The defaults with {@code overrides} by field key or rule id. */
    public static SeverityRules withOverrides(Map<String, DriftSeverity> overrides) {
        return new SeverityRules(overrides);
    }

    /** The rule of one difference of {@code field} (a set member for ADD/REMOVE of sets). */
    public Rule rule(AppClientField field, DifferenceType type, String member, Object expected, Object actual) {
        Rule base = defaultRule(field, type, member, actual);
        DriftSeverity s = overrides.getOrDefault(base.id(), overrides.getOrDefault(field.key(), base.severity()));
        return new Rule(base.id(), s);
    }

    /** A client-level rule (deleted, not created, unmanaged…), with overrides by rule id. */
    public Rule clientRule(String id, DriftSeverity severity) {
        return new Rule(id, overrides.getOrDefault(id, severity));
    }

    /**
     * The rule of a difference before overrides. Where the issue of a change depends on its direction (a URL,
     * flow or scope added is worse than one removed; revocation turned off, user-existence errors back to
     * LEGACY), the rule says so; any other difference is the field's class from its descriptor: rule
     * {@code <key>-changed} at {@link AppClientField#severity()}, so a new field needs no entry here.
     */
    static Rule defaultRule(AppClientField field, DifferenceType type, String member, Object actual) {
        boolean added = type == DifferenceType.ADD;
        return switch (field) {
            case CALLBACK_URLS -> added ? high("callback-url-added") : medium("callback-url-removed");
            case LOGOUT_URLS -> added ? high("logout-url-added") : medium("logout-url-removed");
            case ALLOWED_OAUTH_FLOWS -> added && "implicit".equals(member) ? high("implicit-flow-added")
                    : medium("oauth-flow-changed");
            case EXPLICIT_AUTH_FLOWS -> added && PASSWORD_FLOWS.contains(member) ? high("password-flow-added")
                    : medium("auth-flow-changed");
            case ALLOWED_OAUTH_SCOPES -> added ? high("scope-added") : medium("scope-removed");
            case ENABLE_TOKEN_REVOCATION -> Boolean.FALSE.equals(actual) ? high("token-revocation-disabled")
                    : medium("token-revocation-enabled");
            case PREVENT_USER_EXISTENCE_ERRORS -> "LEGACY".equals(actual) || actual == null
                    ? high("user-existence-errors-legacy") : medium("user-existence-errors-enabled");
            default -> new Rule(fieldRuleId(field), field.severity());
        };
    }

    /** The rule id of a field's differences where their direction does not matter. */
    static String fieldRuleId(AppClientField field) {
        return field.key().replace('_', '-').replace('.', '-') + "-changed";
    }

    /** The field rules, derived from the descriptors: the ones {@link #defaultRule} gives by field class. */
    private static Map<String, String> fieldRules() {
        Map<String, String> out = new java.util.TreeMap<>();
        for (AppClientField f : AppClientField.values()) {
            Rule r = defaultRule(f, DifferenceType.NOT_EQUAL, null, null);
            if (r.id().equals(fieldRuleId(f))) {
                out.put(r.id(), "`" + f.key() + "` changed (" + f.severity().word() + ")");
            }
        }
        return out;
    }

    private static Rule high(String id) {
        return new Rule(id, DriftSeverity.HIGH);
    }

    private static Rule medium(String id) {
        return new Rule(id, DriftSeverity.MEDIUM);
    }
}
