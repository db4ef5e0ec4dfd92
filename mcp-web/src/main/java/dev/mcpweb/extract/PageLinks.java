package dev.mcpweb.extract;

import dev.mcpweb.document.Document;
import dev.mcpweb.extract.html.AbsoluteUrls;
import dev.mcpweb.extract.html.ElementText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jsoup.nodes.Element;

/**
 * Every http(s) link on a page, absolute, without fragment, once each, in page order with its first non-empty
 * text and its first {@code title} attribute.
 */
final class PageLinks {
    private static final int MAX_URL_LENGTH = 4096;
    private static final String HEX = "0123456789ABCDEF";

    private PageLinks() {}

    /**
     * Takes the links of the elements it is given, in the order given: a page's links when given each of its
     * elements in page order (the metadata's walk does).
     */
    static final class Collector implements Consumer<Element> {
        private final Map<URI, String> links = new LinkedHashMap<>();
        private final Map<URI, String> titles = new HashMap<>();
        private final Map<String, Optional<URI>> resolved = new HashMap<>(); // pages repeat the same hrefs

        /** Takes the link of {@code a} if it is one: what the query {@code a[href], area[href]} matches. */
        @Override
        public void accept(Element a) {
            if ((a.nameIs("a") || a.nameIs("area")) && a.hasAttr("href")) {
                link(a, a.attr("href"), a.attr("title"));
            }
        }

        /**
         * Takes the link of {@code a}, an {@code <a>} or {@code <area>} whose {@code href} and {@code title}
         * attributes (empty if missing) the caller has read already.
         */
        void link(Element a, String href, String title) {
            Optional<URI> url = resolved.get(href); // get and put: a lambda would capture a new one per link
            if (url == null) {
                url = absolute(AbsoluteUrls.resolve(a, href));
                resolved.put(href, url);
            }
            if (url.isEmpty()) {
                return;
            }
            String linkTitle = title.strip();
            String known = links.get(url.get());
            if (known == null || known.isEmpty()) { // a link's text is read only while its URL has none
                String text = ElementText.of(a).strip();
                if (text.isEmpty()) {
                    text = linkTitle;
                }
                if (known == null || !text.isEmpty()) {
                    links.put(url.get(), text);
                }
            }
            if (!linkTitle.isEmpty()) {
                titles.putIfAbsent(url.get(), linkTitle);
            }
        }

        List<Document.Link> links() {
            return links.entrySet().stream()
                    .map(e -> new Document.Link(e.getKey(), e.getValue(), Optional.ofNullable(titles.get(e.getKey()))))
                    .toList();
        }
    }

    /** An absolute http(s) URI without its fragment, or empty for anything else (javascript:, mailto:, junk). */
    static Optional<URI> absolute(String href) {
        String s = href.strip();
        if (s.isEmpty() || s.length() > MAX_URL_LENGTH) {
            return Optional.empty();
        }
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        try {
            URI uri = new URI(escapeIllegal(s));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Percent-encodes the ASCII characters browsers accept in hrefs but {@link URI} does not. */
    private static String escapeIllegal(String s) {
        int i = 0;
        while (i < s.length() && !isIllegal(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s; // nearly every href: no copy
        }
        StringBuilder out = new StringBuilder(s.length() + 8).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isIllegal(c)) {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isIllegal(char c) {
        return switch (c) {
            case '"', '<', '>', '\\', '^', '`', '{', '|', '}' -> true;
            default -> c <= ' ';
        };
    }
}
