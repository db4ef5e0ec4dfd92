package dev.mcpweb.extract.html;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Element;

/**
 * {@link Element#absUrl} without its per-call overhead, giving exactly the same strings. jsoup
 * re-parses the base URI for every link and strips control characters from the base and (twice) from
 * the link with a regex that matches the empty string at every position; on pages with a thousand
 * links that was a tenth of the extract stage's time. Here the parsed base is remembered (URLs are
 * immutable, so sharing it between threads is safe) and control characters are stripped by a plain
 * scan. The common hrefs (plain ASCII paths and http URLs) are joined to the base's root or directory
 * as strings, which gives what parsing them gives; {@code AbsoluteUrlsTest} checks both against jsoup.
 */
public final class AbsoluteUrls {
    /**
     * A parsed base, with the prefixes that its plain root-relative and path-relative hrefs are appended
     * to (null where the base gives none).
     */
    private record Base(String uri, URL url, String root, String directory) {}

    /** The probe resolved through the full path to find the base's directory: its result ends with it. */
    private static final String PROBE = "x";

    /** jsoup's pattern for "/./" and "/../" segments left at the start of a resolved path. */
    private static final Pattern EXTRA_DOT_SEGMENTS = Pattern.compile("^/(?>(?>\\.\\.?/)+)");

    /** The characters of {@link #isPlain} hrefs, by code. */
    private static final boolean[] PLAIN = new boolean[128];

    static {
        String plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_~!$&'()*+,;=:@/?%#.";
        for (int i = 0; i < plain.length(); i++) {
            PLAIN[plain.charAt(i)] = true;
        }
    }

    /** The last base resolved against; pages are extracted one at a time, so it nearly always matches. */
    private static volatile Base last = new Base("", null, null, null);

    /**
     * The schemes found to have no {@link URL} handler in this JDK ({@code javascript}, {@code tel}, {@code
     * whatsapp} ...): an href in one of them fails both of jsoup's parses, each after a class lookup and an
     * exception, and jsoup then gives it back as it is, as this does at once. A fact of the JDK, the same for
     * every page; bounded, since pages may name any scheme they like.
     */
    private static final Set<String> SCHEMES_WITHOUT_HANDLER = ConcurrentHashMap.newKeySet();

    private static final int MAX_SCHEMES_WITHOUT_HANDLER = 64;

    private AbsoluteUrls() {}

    /**
     * The absolute URL of attribute {@code key} of {@code e}, resolved against the element's base URI;
     * empty when the attribute is missing or cannot be made absolute. Same result as {@code
     * e.absUrl(key)}.
     */
    public static String of(Element e, String key) {
        if (e.attributesSize() == 0 || !e.attributes().hasKeyIgnoreCase(key)) {
            return "";
        }
        return resolve(e.baseUri(), e.attributes().getIgnoreCase(key));
    }

    /**
     * {@code url}, the value of one of {@code e}'s attributes that the caller has read already, resolved as
     * {@link #of} resolves it.
     */
    public static String resolve(Element e, String url) {
        return resolve(e.baseUri(), url);
    }

    /** {@code rel} resolved against {@code base}, as jsoup's {@link StringUtil#resolve(String, String)}. */
    static String resolve(String base, String rel) {
        Base parsed = parsedBase(base);
        URL baseUrl = parsed.url();
        if (baseUrl != null) {
            String plain = resolvePlain(parsed, rel);
            if (plain != null) {
                return plain;
            }
            String stripped = withoutControlChars(rel);
            String scheme = scheme(stripped);
            if (scheme != null && SCHEMES_WITHOUT_HANDLER.contains(scheme)) {
                return stripped;
            }
            try {
                return resolve(baseUrl, stripped).toExternalForm();
            } catch (MalformedURLException e) {
                // jsoup's own fallbacks (rel alone, or a non-http scheme kept as it is) decide below
                if (scheme != null
                        && ("unknown protocol: " + scheme).equals(e.getMessage())
                        && SCHEMES_WITHOUT_HANDLER.size() < MAX_SCHEMES_WITHOUT_HANDLER) {
                    SCHEMES_WITHOUT_HANDLER.add(scheme);
                }
            }
        }
        return StringUtil.resolve(base, rel);
    }

    /**
     * The scheme {@code rel} starts with, lower-cased, where {@link URL} and jsoup read the same one: ASCII
     * letters, digits, {@code +}, {@code .} and {@code -} from a letter up to a colon (URL reads no scheme in
     * a comma, jsoup's pattern does), and not the {@code url:} prefix URL skips. Null for any other href.
     */
    private static String scheme(String rel) {
        if (rel.isEmpty() || !isAsciiLetter(rel.charAt(0))) {
            return null;
        }
        for (int i = 1, n = rel.length(); i < n; i++) {
            char c = rel.charAt(i);
            if (c == ':') {
                String scheme = rel.substring(0, i).toLowerCase(Locale.ROOT);
                return scheme.equals("url") ? null : scheme;
            }
            if (!(isAsciiLetterOrDigit(c) || c == '+' || c == '.' || c == '-')) {
                return null;
            }
        }
        return null;
    }

    /**
     * jsoup's {@link StringUtil#resolve(URL, String)} step for step, for a {@code rel} already free of
     * control characters (jsoup strips them again with its regex) and with the regex for leading dot
     * segments run only when the path has some. {@code AbsoluteUrlsTest} checks it against jsoup.
     */
    @SuppressWarnings("deprecation") // the constructors jsoup uses, for the same results
    private static URL resolve(URL base, String rel) throws MalformedURLException {
        String relative = rel.startsWith("?") ? base.getPath() + rel : rel;
        URL url = new URL(base, relative);
        String file = url.getFile();
        if (file.startsWith("/./") || file.startsWith("/../")) {
            file = EXTRA_DOT_SEGMENTS.matcher(file).replaceFirst("/");
        }
        if (url.getRef() != null) {
            file = file + "#" + url.getRef();
        }
        URL resolved = new URL(url.getProtocol(), url.getHost(), url.getPort(), file);
        if (StringUtil.isHttpScheme(resolved.getProtocol())
                && resolved.getHost().isEmpty()) {
            throw new MalformedURLException("Invalid URL: host is missing");
        }
        return resolved;
    }

    @SuppressWarnings(
            "deprecation") // jsoup parses the base with this constructor; the same parse gives the same result
    private static Base parsedBase(String base) {
        Base cached = last;
        if (cached.uri().equals(base)) {
            return cached;
        }
        URL url;
        try {
            url = new URL(withoutControlChars(base));
        } catch (MalformedURLException e) {
            url = null;
        }
        Base parsed = url == null
                ? new Base(base, null, null, null)
                : new Base(base, url, prefix(url, "/"), prefix(url, PROBE));
        last = parsed;
        return parsed;
    }

    /**
     * What {@code probe} resolves to against {@code base} without {@code probe} itself: the prefix every plain
     * href of its form resolves onto. Null when the result does not end with the probe, or when the prefix
     * holds a query, a fragment or a dot segment, which the plain path does not expect.
     */
    private static String prefix(URL base, String probe) {
        String resolved;
        try {
            resolved = resolve(base, probe).toExternalForm();
        } catch (MalformedURLException e) {
            return null;
        }
        if (!resolved.endsWith(probe)) {
            return null;
        }
        String prefix = resolved.substring(0, resolved.length() - probe.length());
        boolean plain = prefix.indexOf('?') < 0 && prefix.indexOf('#') < 0 && !prefix.contains("/.");
        return plain ? prefix : null;
    }

    /**
     * The common hrefs resolved by string concatenation, giving what {@link #resolve(URL, String)} gives them
     * without building two {@link URL}s: an absolute http(s) URL with a plain host, a root-relative path, or a
     * relative path from a letter or digit, each of plain ASCII without dot segments. Null for any other href.
     */
    private static String resolvePlain(Base base, String rel) {
        if (rel.isEmpty() || !isPlain(rel)) {
            return null;
        }
        char first = rel.charAt(0);
        if (first == '/') {
            boolean rootRelative = rel.length() == 1 || rel.charAt(1) != '/';
            return rootRelative && base.root() != null ? base.root() + rel : null;
        }
        if (rel.startsWith("http://") || rel.startsWith("https://")) {
            return hasPlainHost(rel, rel.indexOf(':') + 3) ? rel : null;
        }
        boolean relativePath = isAsciiLetterOrDigit(first) && rel.lastIndexOf(':', firstSlash(rel)) < 0;
        return relativePath && base.directory() != null ? base.directory() + rel : null;
    }

    /**
     * Whether {@code s} is ASCII that URLs carry as it is (no control characters, spaces, quotes or brackets)
     * with no {@code "/."}, where a dot segment may start. A table lookup per character: this runs over every
     * link of every page.
     */
    private static boolean isPlain(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= PLAIN.length || !PLAIN[c] || c == '.' && i > 0 && s.charAt(i - 1) == '/') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the host from {@code start} to the path, query or fragment is lower-case letters, digits, dots
     * and dashes: no port, user or upper case, which {@link URL} would rewrite.
     */
    private static boolean hasPlainHost(String url, int start) {
        int i = start;
        while (i < url.length() && !endsHost(url.charAt(i))) {
            char c = url.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) {
                return false;
            }
            i++;
        }
        return i > start;
    }

    private static boolean endsHost(char c) {
        return c == '/' || c == '?' || c == '#';
    }

    private static int firstSlash(String s) {
        int slash = s.indexOf('/');
        return slash < 0 ? s.length() : slash;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9');
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** {@code s} without the characters U+0000 to U+001F, which jsoup removes before resolving. */
    static String withoutControlChars(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && s.charAt(i) >= 0x20) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
