package dev.cogform.cli.git;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogform.core.plan.GitProvenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * GitHub Actions' pull-request context. On a {@code pull_request} run the commit checked out is an
 * ephemeral merge commit ({@code refs/pull/N/merge}) that nobody reviewed; the event payload names the
 * PR head, which is what a reviewer and {@code apply --require-commit} mean.
 */
final class GitHubEvent {

    private GitHubEvent() {
    }

    /** The pull request of this run, or null when not a pull_request run or the payload cannot be read. */
    static GitProvenance.PullRequest pullRequest(Map<String, String> environment) {
        String event = environment.get("GITHUB_EVENT_NAME");
        String path = environment.get("GITHUB_EVENT_PATH");
        if (!("pull_request".equals(event) || "pull_request_target".equals(event)) || path == null || path.isBlank()) {
            return null;
        }
        try {
            JsonNode pr = new ObjectMapper().readTree(Files.readString(Path.of(path))).path("pull_request");
            String head = pr.path("head").path("sha").asText(null);
            if (head == null) {
                return null;
            }
            return new GitProvenance.PullRequest(pr.path("number").asLong(), head,
                    pr.path("base").path("sha").asText(null));
        } catch (IOException | RuntimeException e) {
            // The provenance then names the merge commit only; the plan itself does not depend on it.
            return null;
        }
    }
}
