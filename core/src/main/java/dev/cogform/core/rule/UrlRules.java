package dev.cogform.core.rule;

import dev.cogform.core.desired.DesiredClient;
import dev.cogform.core.desired.FieldSources.Element;
import dev.cogform.core.diag.Location;
import dev.cogform.core.spec.CognitoModel;
import dev.cogform.core.spec.Rule.Stage;
import dev.cogform.core.spec.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Callback, sign-out and default redirect URLs (reference §4 rules 16 and 18). */
final class UrlRules {

    static final int MAX_URLS = 100;
    /** Hosts Cognito lets use plain http (the 2026 Create doc adds the two IP loopbacks to localhost). */
    static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");
    /** An absolute URL starts with a scheme (RFC 3986): https:, myapp:. */
    static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

    static final Rule FORMAT = Rule.error("url.format", Stage.CLIENT,
            "A URL is 1 to 1024 characters with no whitespace.");
    static final Rule ABSOLUTE = Rule.error("url.absolute", Stage.CLIENT,
            "A URL is absolute: a scheme such as https:// or a custom app scheme such as myapp://.");
    static final Rule FRAGMENT = Rule.error("url.fragment", Stage.CLIENT,
            "A callback URL has no #fragment.");
    static final Rule LIMIT = Rule.error("url.limit", Stage.CLIENT,
            "At most 100 callback URLs and 100 logout URLs per client.");
    static final Rule HTTPS_CALLBACK = Rule.error("oauth.https-callback", Stage.CLIENT,
            "Callback URLs use https, except http://localhost, http://127.0.0.1 and http://[::1].");
    static final Rule HTTPS_LOGOUT = Rule.warning("oauth.https-logout", Stage.CLIENT,
            "Sign-out URLs should use https, except on loopback hosts; Cognito accepts plain http there (it"
                    + " requires https of callback URLs only), so this is advice, not an error.");

    private UrlRules() {
    }

    static List<ClientRule> rules() {
        return List.of(
                ClientRule.of(FORMAT, (c, f) -> urls(c, true).forEach(u -> {
                    if (!CognitoModel.shape("RedirectUrlType").accepts(u.value())) {
                        f.at(u.location(), u.value().isEmpty() ? "a URL is empty"
                                        : "URL '" + u.value() + "' is not 1 to 1024 characters without whitespace",
                                "remove the whitespace or the empty entry");
                    }
                })),
                ClientRule.of(ABSOLUTE, (c, f) -> urls(c, true).forEach(u -> {
                    boolean wellFormed = CognitoModel.shape("RedirectUrlType").accepts(u.value());
                    if (wellFormed && !SCHEME.matcher(u.value()).lookingAt()) {
                        f.at(u.location(), "'" + u.value() + "' is not an absolute URL",
                                "write the full URL with its scheme, e.g. https://app.example.com/callback");
                    }
                })),
                ClientRule.of(FRAGMENT, (c, f) -> callbacks(c).forEach(u -> {
                    if (u.value().indexOf('#') >= 0) {
                        f.at(u.location(), "callback URL '" + u.value() + "' has a #fragment",
                                "remove the part from # on");
                    }
                })),
                ClientRule.of(LIMIT, (c, f) -> {
                    limit(c, f, "callback_urls", c.settings().callbackUrls().size());
                    limit(c, f, "logout_urls", c.settings().logoutUrls().size());
                }),
                ClientRule.of(HTTPS_CALLBACK, (c, f) -> callbacks(c).forEach(u -> {
                    if (plainHttpOffLoopback(u.value())) {
                        f.at(u.location(), u.value() + " cannot use the HTTP protocol",
                                "use https://, or http://localhost for local development");
                    }
                })),
                ClientRule.of(HTTPS_LOGOUT, (c, f) ->
                        c.sources().elements("logout_urls", c.settings().logoutUrls()).forEach(u -> {
                            if (plainHttpOffLoopback(u.value())) {
                                f.at(u.location(), "sign-out URL " + u.value() + " uses plain http",
                                        "use https://, or http://localhost for local development");
                            }
                        })));
    }

    private static List<Element> callbacks(DesiredClient c) {
        return c.sources().elements("callback_urls", c.settings().callbackUrls());
    }

    private static List<Element> urls(DesiredClient c, boolean withDefault) {
        List<Element> all = new ArrayList<>(callbacks(c));
        all.addAll(c.sources().elements("logout_urls", c.settings().logoutUrls()));
        String redirect = c.settings().defaultRedirectUri();
        if (withDefault && redirect != null) {
            all.add(new Element(redirect, c.sources().locate("default_redirect_uri")));
        }
        return all;
    }

    private static void limit(DesiredClient c, ClientRule.Findings f, String field, int n) {
        if (n > MAX_URLS) {
            Location at = c.sources().locate(field);
            f.at(at, field + " has " + n + " URLs; Cognito allows at most " + MAX_URLS,
                    "remove URLs, or split them across clients");
        }
    }

    /**
     * Whether {@code url} is plain http to anything but a loopback host: {@code http:} without {@code //}
     * ({@code http:/a.example}, which browsers read as http to a.example) has no loopback host either,
     * and a backslash ends the host as browsers read it ({@code http://a.example\@localhost}). Parsed by
     * hand rather than with java.net.URI, which refuses characters ({, }, |, bad % escapes) that
     * Cognito's RedirectUrlType pattern accepts.
     */
    static boolean plainHttpOffLoopback(String url) {
        if (!url.regionMatches(true, 0, "http:", 0, 5)) {
            return false;
        }
        if (!url.startsWith("//", 5)) {
            return true;
        }
        String rest = url.substring(7);
        int end = 0;
        while (end < rest.length() && "/\\?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String authority = rest.substring(0, end);
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        if (!host.startsWith("[")) {
            int colon = host.indexOf(':');
            host = colon < 0 ? host : host.substring(0, colon);
        } else if (host.indexOf(']') > 0) {
            host = host.substring(0, host.indexOf(']') + 1);
        }
        return !LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
    }
}
