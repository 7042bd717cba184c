package dev.cogform.core.rule;

import dev.cogform.core.diag.SourcePosition;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Builds small cogform.yaml texts for rule tests and finds where a marker sits in them. */
final class StackText {

    static final String HEADER = """
            version: 1
            pools:
              main:
                id: eu-west-1_AbCdEf123
                clients:
                  web:
            """;

    private StackText() {
    }

    /** A stack with one client main.web whose map is {@code lines}, each indented under {@code web:}. */
    static String client(String... lines) {
        return HEADER + Arrays.stream(lines).map(l -> "        " + l + "\n").collect(Collectors.joining());
    }

    /** The 1-based line and column of the first occurrence of {@code marker} in {@code text}. */
    static SourcePosition position(String text, String marker) {
        int at = text.indexOf(marker);
        if (at < 0) {
            throw new IllegalArgumentException("marker '" + marker + "' is not in the text");
        }
        String before = text.substring(0, at);
        int line = (int) before.chars().filter(ch -> ch == '\n').count() + 1;
        int column = at - (before.lastIndexOf('\n') + 1) + 1;
        return new SourcePosition("cogform.yaml", line, column);
    }
}
