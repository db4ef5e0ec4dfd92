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

        private final SharedHosts hosts = new SharedHosts();

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
                link = linkTo(absolute(AbsoluteUrls.resolve(a, href), hosts));
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
        return absolute(href, null);
    }

    /** As {@link #absolute(String)}, parsing through {@code hosts} when given (the links of one page). */
    private static Optional<URI> absolute(String href, SharedHosts hosts) {
        String s = href.strip();
        if (s.isEmpty() || s.length() > MAX_URL_LENGTH) {
            return Optional.empty();
        }
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        int colon = httpSchemeEnd(s);
        if (colon < 0) {
            return Optional.empty(); // no http(s) scheme, whatever the parse (file:, mailto:, javascript: ...)
        }
        try {
            String url = escapeIllegal(s); // the scheme needs no escapes, so it ends at the same colon
            URI uri = hosts == null ? new URI(url) : hosts.parse(url, colon);
            return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * Where the scheme of {@code s} ends if it is http or https in any case, else -1: exactly when {@link URI}
     * would read one of them from {@code s} (a URI's scheme runs from the start to the first colon, before any
     * {@code /?#}, and is ASCII), so -1 means no parse could give an http(s) link.
     */
    static int httpSchemeEnd(String s) {
        boolean http = s.length() > 5
                && (s.charAt(0) | 0x20) == 'h'
                && (s.charAt(1) | 0x20) == 't'
                && (s.charAt(2) | 0x20) == 't'
                && (s.charAt(3) | 0x20) == 'p';
        if (!http) {
            return -1;
        }
        if (s.charAt(4) == ':') {
            return 4;
        }
        return (s.charAt(4) | 0x20) == 's' && s.charAt(5) == ':' ? 5 : -1;
    }

    /**
     * Parses the http(s) URLs of one page, where most links share a few hosts: the scheme and host part of
     * each ({@code https://example.org}) is parsed once, and each URL's path and query alone, joined to it by
     * {@link URI#resolve(URI)}. That gives a URI equal in every component, and in its string, to the one
     * {@code new URI(url)} gives, and fails where it fails: the parser reads the host part up to the first
     * {@code /} or {@code ?} whatever follows, and a path from a single {@code /} the same way whether a host
     * came before it or not. A host part whose URI would not print back as written ({@code :080} prints as
     * {@code :80}) is not shared. {@code SharedHostsTest} checks it against {@code new URI} on generated and
     * real URLs.
     */
    static final class SharedHosts {
        /** What a host part that cannot be shared maps to. */
        private static final URI NOT_SHARED = URI.create("not:shared");

        private static final URI ROOT_PATH = URI.create("/");

        private final Map<String, URI> hosts = new HashMap<>();
        private String lastHost = "";
        private URI lastBase = NOT_SHARED;

        /** {@code new URI(url)} for {@code url}, an http(s) URL whose scheme ends at {@code colon}. */
        URI parse(String url, int colon) throws URISyntaxException {
            int pathStart = pathStart(url, colon);
            if (pathStart < 0) {
                return new URI(url);
            }
            URI base;
            if (pathStart == lastHost.length() && url.startsWith(lastHost)) {
                base = lastBase;
            } else {
                String host = url.substring(0, pathStart);
                base = hosts.get(host);
                if (base == null) {
                    base = shareable(host);
                    hosts.put(host, base);
                }
                lastHost = host;
                lastBase = base;
            }
            if (base == NOT_SHARED) {
                return new URI(url);
            }
            URI uri = base.resolve(new URI(url.substring(pathStart)));
            uri.toString(); // fixes its string now, as a parse does, rather than at each first use
            return uri;
        }

        /**
         * Where the path of {@code url} starts after {@code //} and a host part, when it starts with one
         * {@code /}; else -1 (no host part, a query or nothing after it, or a path from {@code //}, which
         * alone would read as a host).
         */
        private static int pathStart(String url, int colon) {
            int start = colon + 3;
            if (!url.startsWith("//", colon + 1)) {
                return -1;
            }
            for (int i = start, n = url.length(); i < n; i++) {
                char c = url.charAt(i);
                if (c == '/') {
                    return i > start && !url.startsWith("//", i) ? i : -1;
                }
                if (c == '?') {
                    return -1;
                }
            }
            return -1;
        }

        /** The URI of a host part ({@code https://example.org}), or {@link #NOT_SHARED}. */
        private static URI shareable(String host) {
            try {
                URI base = new URI(host);
                boolean printsBack = base.getHost() != null
                        && base.resolve(ROOT_PATH).toString().equals(host + "/");
                return printsBack ? base : NOT_SHARED;
            } catch (URISyntaxException e) {
                return NOT_SHARED;
            }
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
