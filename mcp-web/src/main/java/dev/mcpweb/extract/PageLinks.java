package dev.mcpweb.extract;

import dev.mcpweb.document.Document;
import dev.mcpweb.extract.html.AbsoluteUrls;
import dev.mcpweb.extract.html.ElementText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
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
        /** What a href resolves to when it is no http(s) link. */
        private static final Link NONE = new Link(null);

        private final Map<URI, Link> links = new LinkedHashMap<>();
        /**
         * The link each href seen resolves to ({@link #NONE} for none): pages repeat the same hrefs, and a
         * repeat then costs one lookup by its string, not a second one by its URI.
         */
        private final Map<String, Link> byHref = new HashMap<>();

        /** One link of the page, as its elements are read: its first non-empty text and title so far. */
        private static final class Link {
            final URI url;
            /** Null until the first element with this URL has been read. */
            String text;

            String title;

            Link(URI url) {
                this.url = url;
            }
        }

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
            Link link = byHref.get(href); // get and put: a lambda would capture a new one per link
            if (link == null) {
                link = linkTo(absolute(AbsoluteUrls.resolve(a, href)));
                byHref.put(href, link);
            }
            if (link == NONE) {
                return;
            }
            String linkTitle = title.strip();
            if (link.text == null || link.text.isEmpty()) { // a link's text is read only while its URL has none
                String text = ElementText.of(a).strip();
                if (text.isEmpty()) {
                    text = linkTitle;
                }
                if (link.text == null || !text.isEmpty()) {
                    link.text = text;
                }
            }
            if (link.title == null && !linkTitle.isEmpty()) {
                link.title = linkTitle;
            }
        }

        /** The link to {@code url}, new (and last in page order) if no earlier href gave the same URL. */
        private Link linkTo(Optional<URI> url) {
            if (url.isEmpty()) {
                return NONE;
            }
            Link link = links.get(url.get());
            if (link == null) {
                link = new Link(url.get());
                links.put(url.get(), link);
            }
            return link;
        }

        List<Document.Link> links() {
            List<Document.Link> all = new ArrayList<>(links.size());
            for (Link link : links.values()) {
                all.add(new Document.Link(link.url, link.text, Optional.ofNullable(link.title)));
            }
            return List.copyOf(all);
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
