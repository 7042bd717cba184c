package dev.cogform.cli.view;

import static dev.cogform.core.testing.LiveBuilder.live;
import static dev.cogform.core.testing.TestStacks.client;
import static dev.cogform.core.testing.TestStacks.poolById;
import static dev.cogform.core.testing.TestStacks.web;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.core.desired.DesiredClient;
import dev.cogform.core.desired.Lifecycle;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.plan.Action;
import dev.cogform.core.plan.Plan;
import dev.cogform.core.state.ClientRecord;
import dev.cogform.core.testing.LiveBuilder;
import dev.cogform.core.testing.TestStacks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * For random plans (made by the real planner from random scenarios, up to 1,500 clients) and random
 * budgets, the Markdown comment stays under the budget and always holds the summary line and every
 * warning; the clients it leaves out are counted.
 */
class MarkdownBudgetPropertiesTest {

    enum Scenario { CREATE, UPDATE, IMPLIED_RESET, REPLACE, DELETE, PROTECTED_DELETE, DRIFT, NO_OP }

    @Provide
    Arbitrary<List<Scenario>> scenarios() {
        return Arbitraries.of(Scenario.class).list().ofMinSize(0).ofMaxSize(1_500);
    }

    @Property(tries = 60)
    void underBudget_withSummaryAndEveryWarning(@ForAll("scenarios") List<Scenario> scenarios,
                                                @ForAll @IntRange(min = MarkdownPlanView.MIN_BYTES, max = 70_000) int budget) {
        Plan plan = plan(scenarios);
        StringWriter out = new StringWriter();
        new MarkdownPlanView(new PrintWriter(out), "stacks/x", budget).render(plan);
        String md = out.toString();

        assertThat(md.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(budget);
        assertThat(md).contains(MarkdownPlanView.summaryLine(plan)).endsWith("</sub>\n");
        MarkdownPlanView.warnings(plan).forEach(w -> assertThat(md).contains(w));
        if (plan.count(Action.DELETE) > 0) {
            assertThat(md).contains(" will be deleted:**");
        }
        if (plan.count(Action.REPLACE) > 0) {
            assertThat(md).contains(" will be replaced, and ");
        }
        if (scenarios.contains(Scenario.IMPLIED_RESET)) {
            assertThat(md).contains(" will return to Cognito's default**");
        }
        if (scenarios.contains(Scenario.DRIFT)) {
            assertThat(md).contains(" changed outside cogform** since the last apply");
        }
        if (scenarios.contains(Scenario.PROTECTED_DELETE)) {
            assertThat(md).contains("Refused by `lifecycle.prevent_destroy`");
        }
        int total = plan.actions().size();
        int shown = (int) md.lines().filter(l -> l.startsWith("<details>")).count();
        if (shown < total) {
            assertThat(md).contains("**" + (total - shown) + " of " + total + " clients omitted**");
        } else {
            assertThat(md).doesNotContain("clients omitted");
        }
    }

    private static Plan plan(List<Scenario> scenarios) {
        List<DesiredClient> desired = new ArrayList<>();
        List<ClientRecord> records = new ArrayList<>();
        LiveBuilder live = live().pool("main", Plans.P);
        for (int i = 0; i < scenarios.size(); i++) {
            String key = "c" + i;
            String address = "main." + key;
            String id = String.format("id%014d", i);
            AppClientSettings base = web(key);
            switch (scenarios.get(i)) {
                case CREATE -> desired.add(client("main", key, base));
                case UPDATE, IMPLIED_RESET, NO_OP, DRIFT, REPLACE -> {
                    Scenario s = scenarios.get(i);
                    AppClientSettings wanted = s == Scenario.UPDATE
                            ? base.toBuilder().callbackUrls(List.of("https://x.example/" + i)).build()
                            : s == Scenario.REPLACE ? base.toBuilder().generateSecret(true).build() : base;
                    AppClientSettings applied = s == Scenario.IMPLIED_RESET
                            ? base.toBuilder().enableTokenRevocation(false).build() : base;
                    AppClientSettings now = s == Scenario.DRIFT
                            ? base.toBuilder().logoutUrls(List.of("https://drift.example/" + i)).build() : applied;
                    desired.add(client("main", key, wanted, new Lifecycle(false, Set.of())));
                    records.add(Plans.record(address, id, applied, false));
                    live.client(address, Plans.P, id, now);
                }
                case DELETE, PROTECTED_DELETE -> {
                    records.add(Plans.record(address, id, base, scenarios.get(i) == Scenario.PROTECTED_DELETE));
                    live.client(address, Plans.P, id, base);
                }
            }
        }
        return Plans.planInGit(TestStacks.stack(poolById("main", Plans.P, desired.toArray(DesiredClient[]::new))),
                Plans.state(records.toArray(ClientRecord[]::new)), live);
    }
}
