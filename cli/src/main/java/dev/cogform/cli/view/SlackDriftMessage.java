package dev.cogform.cli.view;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogform.core.drift.DriftReport;
import dev.cogform.core.drift.Notable;
import java.io.IOException;
import java.util.List;

/**
 * The one JSON message {@code drift --notify} posts: Slack-compatible {@code text} (a fallback line)
 * and {@code blocks} (a header and one section per finding, highest severity first, at most 40).
 * Only new, changed and resolved findings (all drift without a baseline). Findings never hold
 * secrets; the message holds nothing else.
 */
public final class SlackDriftMessage {

    static final int MAX_SECTIONS = 40;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SlackDriftMessage() {
    }

    public static String render(DriftReport r) {
        List<Notable> news = r.news();
        ObjectNode root = F.objectNode();
        String head = "cogform drift: " + news.size() + " finding(s)" + (r.baselined() ? " new, changed or resolved" : "")
                + r.maxSeverity().map(s -> ", highest severity " + s.word()).orElse("");
        root.put("text", head);
        ArrayNode blocks = root.putArray("blocks");
        blocks.addObject().put("type", "header").putObject("text").put("type", "plain_text").put("text", head);
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
                .put("text", HumanDriftView.summary(r));
        for (Notable n : news.subList(0, Math.min(news.size(), MAX_SECTIONS))) {
            blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
                    .put("text", "*" + n.severity().word() + "*" + (n.baseline() == null ? "" : " (" + n.baseline().word() + ")")
                            + " `" + n.stack() + "` `" + n.address() + "`: " + n.summary());
        }
        if (news.size() > MAX_SECTIONS) {
            blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn")
                    .put("text", "… and " + (news.size() - MAX_SECTIONS) + " more; see the full report");
        }
        try {
            return new ObjectMapper().writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
