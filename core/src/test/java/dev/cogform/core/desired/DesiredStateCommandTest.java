package dev.cogform.core.desired;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hints print commands that run as printed: with the stack's {@code -C}, quoted for a shell when needed. */
class DesiredStateCommandTest {

    static String command(String dir) {
        return new DesiredState(Path.of(dir), null, null, List.of(), "").command("state forget-pending main.web");
    }

    @Test
    void command_namesTheStackDirectory_unlessItIsTheWorkingOne() {
        assertThat(command(".")).isEqualTo("cogform state forget-pending main.web");
        assertThat(command("stacks/prod")).isEqualTo("cogform state forget-pending main.web -C stacks/prod");
        assertThat(command("/tmp/my stack")).isEqualTo("cogform state forget-pending main.web -C '/tmp/my stack'");
        assertThat(command("it's")).isEqualTo("cogform state forget-pending main.web -C 'it'\\''s'");
    }
}
