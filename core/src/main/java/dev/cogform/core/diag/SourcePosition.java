package dev.cogform.core.diag;

import java.util.Comparator;

/** A place in a source file, 1-based, printed {@code file:line:column}. */
public record SourcePosition(String file, int line, int column) implements Comparable<SourcePosition> {

    private static final Comparator<SourcePosition> ORDER = Comparator
            .comparing(SourcePosition::file)
            .thenComparingInt(SourcePosition::line)
            .thenComparingInt(SourcePosition::column);

    @Override
    public int compareTo(SourcePosition o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
