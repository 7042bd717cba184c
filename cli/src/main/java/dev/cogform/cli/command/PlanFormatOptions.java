package dev.cogform.cli.command;

import dev.cogform.cli.view.Colors;
import dev.cogform.cli.view.HumanPlanView;
import dev.cogform.cli.view.JsonPlanView;
import dev.cogform.cli.view.MarkdownPlanView;
import dev.cogform.cli.view.PlanView;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --format text|json|markdown} and {@code --max-bytes} of the commands that render a plan. */
public final class PlanFormatOptions {

    /** How a plan is printed. */
    public enum Format {
        TEXT, JSON, MARKDOWN;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Option(names = "--format", paramLabel = "text|json|markdown", converter = FormatConverter.class,
            description = "text (default), json (as --json), or markdown: a pull-request comment (docs/pr-review.md).")
    Format format;

    @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "" + MarkdownPlanView.DEFAULT_MAX_BYTES,
            description = "With --format markdown: the comment's size limit in bytes (default: ${DEFAULT-VALUE});"
                    + " whole clients are left out from the bottom to stay under it.")
    int maxBytes = MarkdownPlanView.DEFAULT_MAX_BYTES;

    /** The format asked for, --json being --format json; a usage error when the two disagree. */
    Format format(OutputOptions output) {
        if (output.json() && format != null && format != Format.JSON) {
            throw new IllegalArgumentException("--json and --format " + format + " disagree; give one of them");
        }
        if (maxBytes < MarkdownPlanView.MIN_BYTES) {
            throw new IllegalArgumentException("--max-bytes must be at least " + MarkdownPlanView.MIN_BYTES
                    + " (room for the summary, every warning and the footer), got " + maxBytes);
        }
        return output.json() ? Format.JSON : format == null ? Format.TEXT : format;
    }

    PlanView view(Format chosen, PrintWriter out, Colors colors, String stack) {
        return switch (chosen) {
            case TEXT -> new HumanPlanView(out, colors);
            case JSON -> new JsonPlanView(out);
            case MARKDOWN -> new MarkdownPlanView(out, stack, maxBytes);
        };
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a format; use text, json"
                        + " or markdown");
            }
        }
    }
}
