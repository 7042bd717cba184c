package dev.cogform.cli.view;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown building blocks shared by the Markdown views: escaping for text, inline code and HTML, a
 * fence longer than any backtick run inside it, and GitHub links to a line of a file at a commit.
 */
final class Markdown {

    private static final Pattern SPECIAL = Pattern.compile("[\\\\`*_{}\\[\\]()<>#+!|~]");
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private Markdown() {
    }

    /** Text with Markdown's and HTML's special characters escaped, on one line. */
    static String text(String s) {
        String flat = s.replaceAll("[\\r\\n]+", " ").replace("&", "&amp;");
        return SPECIAL.matcher(flat).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
    }

    /** Inline code that survives backticks in {@code s}. */
    static String code(String s) {
        String flat = s.replaceAll("[\\r\\n]+", " ");
        int longest = longestRun(flat);
        String ticks = "`".repeat(longest + 1);
        String pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
        return ticks + pad + flat + pad + ticks;
    }

    /** Text inside HTML (a {@code <summary>}): {@code & < > "} escaped. */
    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A code fence for {@code body}: three backticks, or one more than the longest run in it. */
    static String fence(List<String> body) {
        int longest = body.stream().mapToInt(Markdown::longestRun).max().orElse(0);
        return "`".repeat(Math.max(3, longest + 1));
    }

    private static int longestRun(String s) {
        int longest = 0;
        Matcher m = BACKTICKS.matcher(s);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        return longest;
    }

    static int bytes(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * {@code https://HOST/OWNER/REPO/blob/COMMIT/PATH#LLINE} for a GitHub remote, else null: other hosts
     * lay out their file URLs differently, and a link that may be wrong is worse than none.
     */
    static String githubLine(String remote, String commit, String path, int line) {
        if (remote == null || commit == null) {
            return null;
        }
        String web;
        Matcher scp = Pattern.compile("^(?:[^@/]+@)?([^:/]+):(.+)$").matcher(remote);
        if (remote.startsWith("https://") || remote.startsWith("http://")) {
            web = remote;
        } else if (remote.startsWith("ssh://")) {
            web = "https://" + remote.substring("ssh://".length()).replaceFirst("^[^@/]*@", "").replaceFirst(":\\d+/", "/");
        } else if (scp.matches()) {
            web = "https://" + scp.group(1) + "/" + scp.group(2);
        } else {
            return null;
        }
        web = web.replaceFirst("\\.git/?$", "").replaceFirst("/$", "");
        if (!web.matches("https?://([^/]*\\.)?github\\.com/[^/]+/[^/]+")) {
            return null;
        }
        return web + "/blob/" + commit + "/" + encodePath(path) + "#L" + line;
    }

    private static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
