package dev.cogform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Usage errors: exit 1 and one line on stderr saying what is wrong and where help is; no stack trace. */
class UsageErrorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            valdate                         | did you mean 'validate'     | 'cogform --help'
            validate --jsn                  | did you mean '--json'       | 'cogform validate --help'
            state lst                       | did you mean 'list'         | 'cogform state --help'
            plan --refresh=maybe            | 'maybe' is not a boolean    | 'cogform plan --help'
            validate --var x                | option '--var' (NAME=VALUE) | 'cogform validate --help'
            state mv a                      | Missing required parameter  | 'cogform state mv --help'
            plan --lock-timeout=soon        | 'soon' is not a duration    | 'cogform plan --help'
            """)
    void usageError_exits1_withOneLine(String args, String what, String help) {
        CliRun run = CliRun.of(args.split(" "));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("cogform: ").contains(what).endsWith("(see " + help + ")")
                .doesNotContain("option option"));
    }
}
