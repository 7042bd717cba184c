package dev.cogform.cli.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogform.cli.Golden;
import dev.cogform.core.plan.Plan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MarkdownPlanViewTest {

    static Stream<Arguments> plans() {
        return Stream.of(
                Arguments.of("no-changes", Named.of("nothing to do", Plans.noChanges(false))),
                Arguments.of("creates-only", Named.of("two new clients, in git on a PR", Plans.createsOnly())),
                Arguments.of("implied-reset", Named.of("an update that resets omitted fields", Plans.updateWithImpliedReset())),
                Arguments.of("replacement", Named.of("generate_secret changes the client id", Plans.replacement())),
                Arguments.of("prevent-destroy", Named.of("a delete refused by prevent_destroy", Plans.protectedDelete())),
                Arguments.of("drift-reverted", Named.of("a console change this plan reverts", Plans.driftReverted())),
                Arguments.of("everything", Named.of("every action, drift, state change", Plans.everything())),
                Arguments.of("imports-and-rotation", Named.of("imports and secret steps, each listed apart",
                        Plans.importsAndRotation())));
    }

    static String markdown(Plan plan, int maxBytes) {
        StringWriter out = new StringWriter();
        new MarkdownPlanView(new PrintWriter(out), "stacks/prod", maxBytes).render(plan);
        return out.toString();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("plans")
    void golden(String name, Plan plan) {
        String md = markdown(plan, MarkdownPlanView.DEFAULT_MAX_BYTES);

        Golden.assertMatches("plan/" + name + ".md", md);
        assertThat(md).startsWith("<!-- cogform:v1 stack=stacks/prod digest=" + plan.digest() + " -->\n")
                .contains(MarkdownPlanView.summaryLine(plan));
        assertThat(md.indexOf(MarkdownPlanView.summaryLine(plan))).isLessThan(Math.max(0, md.indexOf("<details>")) + md.length());
    }

    @Test
    void statuses_areOnePerPlan() {
        assertThat(markdown(Plans.noChanges(false), 65_000)).contains("## 🟢 cogform plan for `stacks/prod`: no changes");
        assertThat(markdown(Plans.createsOnly(), 65_000)).contains("## 🟡 cogform plan for `stacks/prod`: changes");
        assertThat(markdown(Plans.replacement(), 65_000)).contains("## 🔴 cogform plan for `stacks/prod`: destructive");
        assertThat(markdown(Plans.protectedDelete(), 65_000)).contains("## ❌ cogform plan for `stacks/prod`: errors");
    }

    @Test
    void importsAndSecretSteps_areListedApartFromTheClientChanges_beforeAnyDetails() {
        Plan plan = Plans.importsAndRotation();
        String md = markdown(plan, 65_000);

        assertThat(plan.imports()).hasSize(2);
        assertThat(plan.secretChanges()).hasSize(2);
        int details = md.indexOf("<details>");
        assertThat(md.indexOf("📥 **2 existing clients will be imported**")).isPositive().isLessThan(details);
        assertThat(md).contains("`main.legacy` (client `3example23456789`, no change)")
                .contains("`main.admin` (client `4example23456789`, then updated)")
                .contains("**Plan:** 2 to import, 1 to add, 1 to change, 0 to replace, 0 to destroy,"
                        + " 1 secret to rotate, 1 old secret to delete.");
        assertThat(md.indexOf("🔑 **Client secrets:**")).isPositive().isLessThan(details);
        assertThat(md).contains("`main.web` secret will be rotated (newest secret is 93 days old)")
                .contains("`main.billing` old secret will be deleted (`5example23456789-0`; newest secret is 8 days old)")
                .contains("| `main.admin` | `<=` import, then `~` update |");
        // The imported-as-is client changes nothing: it has no row of its own among the changes.
        assertThat(md).doesNotContain("| `main.legacy` |");
    }

    @Test
    void warnings_comeBeforeAnyDetails() {
        String md = markdown(Plans.updateWithImpliedReset(), 65_000);

        assertThat(md.indexOf("will return to Cognito's default")).isPositive().isLessThan(md.indexOf("<details>"));
        assertThat(md).contains("`main.web` token_validity.refresh, enable_token_revocation");
    }

    @Test
    void links_pointAtThePullRequestHead_onGitHub() {
        String md = markdown(Plans.updateWithImpliedReset(), 65_000);

        assertThat(md).contains("(https://github.com/example/infra/blob/fedcba9876543210fedcba9876543210fedcba98"
                + "/stacks/prod/cogform.yaml#L");
    }

    @Test
    void aThousandClients_areTruncatedFromTheBottom_underTheBudget() {
        Plan plan = Plans.manyCreates(1_000);

        String md = markdown(plan, MarkdownPlanView.DEFAULT_MAX_BYTES);

        Golden.assertMatches("plan/thousand-truncated.md", md);
        int bytes = md.getBytes(StandardCharsets.UTF_8).length;
        int shown = (int) md.lines().filter(l -> l.startsWith("<details>")).count();
        assertThat(bytes).isLessThanOrEqualTo(MarkdownPlanView.DEFAULT_MAX_BYTES).isGreaterThan(60_000);
        assertThat(shown).isBetween(10, 999);
        assertThat(md).contains("> ✂️ **" + (1_000 - shown) + " of 1000 clients omitted**")
                .contains("client-0000").doesNotContain("client-0999")
                .contains(MarkdownPlanView.summaryLine(plan)).endsWith("</sub>\n");
        // Deterministic: the same plan gives the same bytes.
        assertThat(markdown(plan, MarkdownPlanView.DEFAULT_MAX_BYTES)).isEqualTo(md);
    }

    @Test
    void aBudgetTooSmallForTheWarnings_isRefused() {
        assertThatThrownBy(() -> markdown(Plans.noChanges(false), 1_000)).hasMessageContaining("--max-bytes must be at least");
    }

    @Test
    void markdownInNamesAndUrls_isEscaped() {
        assertThat(Markdown.text("a*b_[x](http://e)|<s>")).isEqualTo("a\\*b\\_\\[x\\]\\(http://e\\)\\|\\<s\\>");
        assertThat(Markdown.code("a`b")).isEqualTo("``a`b``");
        assertThat(Markdown.html("<img src=x>")).isEqualTo("&lt;img src=x&gt;");
        assertThat(Markdown.fence(java.util.List.of("x ```` y"))).isEqualTo("`````");
    }

    @Test
    void githubLinks_onlyForGitHubRemotes_andNeverWithCredentials() {
        assertThat(Markdown.githubLine("https://github.com/o/r.git", "abc", "s/cogform.yaml", 3))
                .isEqualTo("https://github.com/o/r/blob/abc/s/cogform.yaml#L3");
        assertThat(Markdown.githubLine("git@github.com:o/r.git", "abc", "cogform.yaml", 3))
                .isEqualTo("https://github.com/o/r/blob/abc/cogform.yaml#L3");
        assertThat(Markdown.githubLine("https://gitlab.com/o/r.git", "abc", "cogform.yaml", 3)).isNull();
    }
}
