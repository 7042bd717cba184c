package dev.cogform.bench.command;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of {@code cogform bench} through {@link BenchMain#run}: exit code and both streams. */
record BenchRun(int exitCode, String out, String err) {

    static BenchRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenchMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new BenchRun(code, out.toString(), err.toString());
    }
}
