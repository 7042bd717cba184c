package dev.cogform.core.desired;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${var.NAME}} and {@code ${env.NAME}} in string values ({@code $${} is a literal
 * {@code ${}). Variable values are final: they are not themselves interpolated.
 */
final class Interpolation {

    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final Pattern REFERENCE = Pattern.compile("(var|env)\\.(" + NAME.pattern() + ")");

    /** A reference that could not be resolved: where in the text, and why. */
    record Problem(int offset, String message, String hint, boolean syntax) {
    }

    /** The resolved text, or null with the problems that prevented it. */
    record Result(String text, java.util.List<Problem> problems) {
    }

    private final Map<String, String> values;
    private final Set<String> declaredWithoutValue;
    private final Map<String, String> environment;
    private final Set<String> referenced = new HashSet<>();
    /** Why nothing resolves here, or null where references resolve. */
    private final String refusal;

    Interpolation(Map<String, String> values, Set<String> declaredWithoutValue, Map<String, String> environment) {
        this(values, declaredWithoutValue, environment, null);
    }

    private Interpolation(Map<String, String> values, Set<String> declaredWithoutValue, Map<String, String> environment,
                          String refusal) {
        this.values = values;
        this.declaredWithoutValue = declaredWithoutValue;
        this.environment = environment;
        this.refusal = refusal;
    }

    /**
     * Resolves no reference, each one a problem saying {@code why}: for readers that cannot be given variables
     * (the state commands), where taking {@code ${var.NAME}} literally would silently name the wrong thing.
     */
    static Interpolation refusing(String why) {
        return new Interpolation(Map.of(), Set.of(), Map.of(), why);
    }

    /** Names of {@code var.} variables referenced so far. */
    Set<String> referenced() {
        return referenced;
    }

    /** Resolves the references in {@code text}, telling {@code expanded} the length of each value put in. */
    Result resolve(String text, java.util.function.LongConsumer expanded) {
        if (text.indexOf('$') < 0) {
            return new Result(text, java.util.List.of());
        }
        StringBuilder out = new StringBuilder();
        java.util.List<Problem> problems = new java.util.ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == '$' && text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (ch == '$' && text.startsWith("${", i)) {
                int end = text.indexOf('}', i);
                if (end < 0) {
                    problems.add(new Problem(i, "unterminated reference '" + text.substring(i) + "'",
                            "close it with }, or write $${ for a literal ${", true));
                    break;
                }
                String inner = text.substring(i + 2, end);
                Matcher m = REFERENCE.matcher(inner);
                if (!m.matches()) {
                    problems.add(new Problem(i, "'${" + inner + "}' is not a reference",
                            "write ${var.NAME} or ${env.NAME}, or $${ for a literal ${", true));
                } else {
                    String value = lookup(m.group(1), m.group(2), i, problems);
                    if (value != null) {
                        expanded.accept(value.length());
                        out.append(value);
                    }
                }
                i = end + 1;
            } else {
                out.append(ch);
                i++;
            }
        }
        return new Result(problems.isEmpty() ? out.toString() : null, problems);
    }

    private String lookup(String kind, String name, int offset, java.util.List<Problem> problems) {
        if (refusal != null) {
            problems.add(new Problem(offset, "${" + kind + "." + name + "} is not resolved here: " + refusal,
                    "write the value itself", false));
            return null;
        }
        if (kind.equals("env")) {
            String value = environment.get(name);
            if (value == null) {
                problems.add(new Problem(offset, "environment variable " + name + " is not set",
                        "export " + name + " before running cogform, or use ${var." + name + "} with a default", false));
            }
            return value;
        }
        referenced.add(name);
        String value = values.get(name);
        if (value == null) {
            problems.add(new Problem(offset, "variable " + name + " has no value",
                    declaredWithoutValue.contains(name)
                            ? "pass --var " + name + "=VALUE or a --var-file that sets it"
                            : "declare it under variables:, or pass --var " + name + "=VALUE", false));
        }
        return value;
    }
}
