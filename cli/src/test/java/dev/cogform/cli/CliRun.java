package dev.cogform.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the CLI through {@link Main#run}: exit code and both streams. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
