package dev.mcpweb.crawl;

import crawlercommons.domains.EffectiveTldFinder;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which URLs belong to a site map or crawl: those on the start URL's registrable domain (public-suffix
 * aware: {@code docs.example.co.uk} and {@code www.example.co.uk} are one site, {@code other.co.uk} is
 * not), or under its path prefix on the same origin; then kept by the {@code include} globs (any, when
 * given) and dropped by the {@code exclude} globs. Globs match the path and query: {@code *} stays
 * within one segment, {@code **} crosses them.
 */
public record Scope(Kind kind, URI start, List<String> include, List<String> exclude) {
    /** How far from the start URL a crawl may go. */
    public enum Kind {
        /** Any host of the start URL's registrable domain, any path. */
        DOMAIN,
        /** The start URL's origin, under the directory of its path. */
        PREFIX,
        /** Any http(s) URL: for links followed out of pages a user gave, which may lead to any site. */
        WEB;

        public static List<String> ids() {
            return List.of("domain", "prefix");
        }

        public static Kind of(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    public Scope {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    /** Whether {@code url} is in scope. */
    public boolean contains(URI url) {
        String host = url.getHost();
        if (host == null || !sameScheme(url)) {
            return false;
        }
        boolean site = switch (kind) {
            case WEB -> true;
            case DOMAIN -> registrableDomain(host).equals(registrableDomain(start.getHost()));
            case PREFIX ->
                host.equalsIgnoreCase(start.getHost())
                        && url.getPort() == start.getPort()
                        && path(url).startsWith(directory(start));
        };
        if (!site) {
            return false;
        }
        String target = path(url) + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        return (include.isEmpty()
                        || include.stream()
                                .anyMatch(g -> glob(g).matcher(target).matches()))
                && exclude.stream().noneMatch(g -> glob(g).matcher(target).matches());
    }

    private boolean sameScheme(URI url) {
        String s = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return s.equals("http") || s.equals("https");
    }

    /**
     * {@code example.co.uk} for {@code docs.example.co.uk}; for a suffix the public-suffix list does not know
     * ({@code docs.intranet.test}) its last label stands for one; an address is its own domain.
     */
    static String registrableDomain(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") || h.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            return h;
        }
        if (EffectiveTldFinder.getEffectiveTLD(h) != null) {
            String domain = EffectiveTldFinder.getAssignedDomain(h, true, false);
            if (domain != null && !domain.isEmpty()) {
                return domain;
            }
        }
        String[] labels = h.split("\\.");
        return labels.length <= 2 ? h : labels[labels.length - 2] + "." + labels[labels.length - 1];
    }

    private static String path(URI url) {
        String p = url.getRawPath();
        return p == null || p.isEmpty() ? "/" : p;
    }

    private static String directory(URI url) {
        String p = path(url);
        return p.substring(0, p.lastIndexOf('/') + 1);
    }

    /** {@code **} any characters, {@code *} any but {@code /}, {@code ?} one but {@code /}; the rest literal. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
