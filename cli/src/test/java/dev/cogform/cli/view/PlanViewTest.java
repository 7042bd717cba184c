package dev.cogform.cli.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.cli.Golden;
import dev.cogform.core.plan.Plan;
import dev.cogform.core.plan.PlanFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlanViewTest {

    static Stream<Arguments> plans() {
        return Stream.of(
                Arguments.of("everything", Named.of("every action, drift, state change, unmanaged", Plans.everything())),
                Arguments.of("no-changes", Named.of("nothing to do", Plans.noChanges(false))),
                Arguments.of("sandbox-no-changes", Named.of("the sandbox says so", Plans.noChanges(true))),
                Arguments.of("from-state", Named.of("--refresh=false says so", Plans.fromStateOnly())),
                Arguments.of("prevent-destroy", Named.of("a refused delete", Plans.protectedDelete())));
    }

    static String render(Function<PrintWriter, PlanView> view, Plan plan) {
        StringWriter out = new StringWriter();
        view.apply(new PrintWriter(out)).render(plan);
        return out.toString();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("plans")
    void human(String name, Plan plan) {
        Golden.assertMatches("plan/" + name + ".txt", render(out -> new HumanPlanView(out, Colors.OFF), plan));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("plans")
    void json(String name, Plan plan) {
        String json = render(JsonPlanView::new, plan);

        Golden.assertMatches("plan/" + name + ".json", json);
        // plan --json output is a saved plan (docs/json-output.md): the view and the plan file agree.
        assertThat(json).isEqualTo(PlanFile.write(plan));
        assertThat(PlanFile.read(json)).isEqualTo(plan);
    }

    @Test
    void human_withColour_coloursSymbolsOnly() {
        String text = render(out -> new HumanPlanView(out, new Colors(true)), Plans.everything());

        assertThat(text).contains("\u001b[32m+\u001b[0m main.batch").contains("\u001b[31m+/-\u001b[0m main.api");
        assertThat(text.replaceAll("\u001b\\[[0-9;]*m", ""))
                .isEqualTo(render(out -> new HumanPlanView(out, Colors.OFF), Plans.everything()));
    }

    @Test
    void human_whenRevertingDriftOfFieldsTheYamlSets_saysSo_andDiffsAnalyticsMemberByMember() {
        String text = render(out -> new HumanPlanView(out, Colors.OFF), Plans.revertedDrift());

        assertThat(text).contains("""
                  ~ main.web
                      ~ token_validity.access: 1h -> 2h
                      ~ analytics.role_arn: "arn:aws:iam::123456789012:role/pinpoint" -> "arn:aws:iam::123456789012:role/other"
                """).contains("""
                  ~ main.web (client 1example23456789, pool eu-west-1_main)
                      ~ token_validity.access: 2h -> 1h   # reverts a change made outside cogform
                      ~ analytics.role_arn: "arn:aws:iam::123456789012:role/other" -> "arn:aws:iam::123456789012:role/pinpoint"   # reverts a change made outside cogform
                """).doesNotContain("returns to its default").doesNotContain("{\"");
    }

    @Test
    void human_summaryLine_countsEachAction() {
        String text = render(out -> new HumanPlanView(out, Colors.OFF), Plans.everything());

        assertThat(text).contains("Plan: 2 to add, 1 to change, 1 to replace, 1 to destroy.");
    }
}
