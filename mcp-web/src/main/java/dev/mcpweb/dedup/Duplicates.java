package dev.mcpweb.dedup;

import dev.mcpweb.crawl.Urls;
import dev.mcpweb.document.Document;
import dev.mcpweb.summarize.Summary;
import dev.mcpweb.work.StopToken;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Sources with the duplicates left out, one copy of each page kept: a source is a duplicate of another
 * when their URLs have the same normal form (tracking parameters, fragment and session ids dropped) or
 * when their texts' {@link SimHash} fingerprints are at most {@link #MAX_DISTANCE} bits apart (print
 * versions, mirrors, syndicated copies under another header). Of two copies the original is kept, in the
 * place of the first one met: the one the other names as its canonical URL, else the one whose canonical
 * URL (rel=canonical, og:url) is not another page, else the one whose URL has no print or AMP marker
 * ({@code /print/}, {@code ?print=1}, {@code /amp}, {@code amp.} host…), else the first.
 */
public record Duplicates(List<Document> kept, List<Summary.Duplicate> copies) {
    /**
     * Measured on /work/shared/data pages (docs/limits.md): a copy with another header or a few edits
     * is 0–6 bits away, different pages of one site 18 or more.
     */
    public static final int MAX_DISTANCE = 10;

    /** Texts shorter than this are only matched by URL: a few words say too little to call two pages copies. */
    static final int MIN_WORDS = 50;

    /** Path segments and query parameters that mark a page as another rendering of one: print and AMP copies. */
    private static final Set<String> COPY_MARKERS = Set.of("print", "printable", "printer-friendly", "amp");

    public Duplicates {
        kept = List.copyOf(kept);
        copies = List.copyOf(copies);
    }

    /** {@code sources} in order, each either kept or a duplicate of the kept source it copies. */
    public static Duplicates among(List<Document> sources) {
        return among(sources, StopToken.none());
    }

    /**
     * As {@link #among(List)}, checking {@code stop} between sources and while fingerprinting one: CPU-bound
     * on large pages, so callers run it where CPU-bound work runs.
     */
    public static Duplicates among(List<Document> sources, StopToken stop) {
        if (sources.size() < 2) {
            return new Duplicates(sources, List.of()); // nothing to compare: no fingerprint needed
        }
        List<Document> kept = new ArrayList<>();
        List<Set<String>> keys = new ArrayList<>();
        List<Long> prints = new ArrayList<>();
        List<Summary.Duplicate> copies = new ArrayList<>();
        for (Document d : sources) {
            stop.check();
            String key = key(d.url());
            boolean longEnough = hasWords(d.text(), MIN_WORDS);
            long print = SimHash.of(d.text(), stop);
            int of = -1;
            for (int i = 0; i < kept.size() && of < 0; i++) {
                if (keys.get(i).contains(key)
                        || longEnough
                                && prints.get(i) != null
                                && SimHash.distance(prints.get(i), print) <= MAX_DISTANCE) {
                    of = i;
                }
            }
            if (of < 0) {
                kept.add(d);
                keys.add(new HashSet<>(Set.of(key)));
                prints.add(longEnough ? print : null);
                continue;
            }
            keys.get(of).add(key);
            Document copy = d;
            if (isOriginalOf(d, kept.get(of))) { // the original takes the copy's place and number
                copy = kept.set(of, d);
                prints.set(of, longEnough ? print : prints.get(of));
            }
            copies.add(new Summary.Duplicate(copy.title(), copy.url().toString(), of + 1));
        }
        return new Duplicates(kept, copies);
    }

    /**
     * Whether {@code text}, stripped, has at least {@code n} words between runs of {@code \\s} (as
     * {@code text.strip().split("\\s+")} counts them), without splitting a whole page to count.
     */
    static boolean hasWords(String text, int n) {
        int from = 0;
        int to = text.length();
        while (from < to && Character.isWhitespace(text.codePointAt(from))) {
            from += Character.charCount(text.codePointAt(from));
        }
        while (to > from && Character.isWhitespace(text.codePointBefore(to))) {
            to -= Character.charCount(text.codePointBefore(to));
        }
        int words = 1;
        for (int i = from; i < to && words < n; i++) {
            if (isRegexSpace(text.charAt(i)) && !isRegexSpace(text.charAt(i - 1))) {
                words++;
            }
        }
        return words >= n;
    }

    /** {@code \\s} of {@link java.util.regex.Pattern}: ASCII white space only. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Whether {@code a} is the original that {@code b} (a copy of the same content) copies. */
    static boolean isOriginalOf(Document a, Document b) {
        String aKey = key(a.url());
        String bKey = key(b.url());
        Optional<String> aCanonical = a.metadata().canonicalUrl().map(Duplicates::key);
        Optional<String> bCanonical = b.metadata().canonicalUrl().map(Duplicates::key);
        if (bCanonical.equals(Optional.of(aKey))) {
            return true;
        }
        if (aCanonical.equals(Optional.of(bKey))) {
            return false;
        }
        boolean aPointsAway = aCanonical.filter(c -> !c.equals(aKey)).isPresent();
        boolean bPointsAway = bCanonical.filter(c -> !c.equals(bKey)).isPresent();
        if (aPointsAway != bPointsAway) {
            return bPointsAway;
        }
        return hasCopyMarker(b.url()) && !hasCopyMarker(a.url());
    }

    /** Whether {@code url} reads as a print or AMP rendering of a page. */
    static boolean hasCopyMarker(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("amp.") || host.startsWith("print.")) {
            return true;
        }
        String path = url.getPath() == null ? "" : url.getPath().toLowerCase(Locale.ROOT);
        for (String segment : path.split("/")) {
            String name = segment.replaceFirst("\\.(html?|php|aspx?)$", "");
            if (COPY_MARKERS.contains(name) || name.endsWith(".amp")) {
                return true;
            }
        }
        String query = url.getRawQuery() == null ? "" : url.getRawQuery().toLowerCase(Locale.ROOT);
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (COPY_MARKERS.contains(name) && !value.equals("0") && !value.equals("false")
                    || COPY_MARKERS.contains(value)) {
                return true;
            }
        }
        return false;
    }

    private static String key(URI url) {
        return Urls.normalize(url.toString()).map(URI::toString).orElse(url.toString());
    }
}
