package dev.mcpweb.extract;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.mcpweb.document.Metadata;
import dev.mcpweb.extract.html.AbsoluteUrls;
import dev.mcpweb.extract.html.PageMarks;
import dev.mcpweb.extract.html.TreeQuery;
import dev.mcpweb.text.AsciiCase;
import dev.mcpweb.text.Whitespace;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * What a page says about itself. Each field takes the first source that has it, most trusted first:
 * explicit structured data (OpenGraph, JSON-LD, Twitter cards, Dublin Core and other {@code <meta>}),
 * then microdata, then what the visible page shows ({@code <title>}, a byline, links to author pages,
 * {@code <time>}, elements marked as dates). Two exceptions, because readers see them and SEO fields
 * drift from them: the article's own {@code <h1>} headline is the title when the page has one clear
 * headline, and an organisation named as author in JSON-LD yields to a person in the byline. Titles
 * lose a " | Site Name" suffix or prefix when the site is known, dates become ISO 8601, languages
 * become BCP 47 tags. The facts about a product the page sells come from its JSON-LD alone ({@link
 * ProductFacts}). Malformed structured data is skipped, never thrown.
 */
final class MetadataExtractor {
    private static final int MAX_VALUE_CHARS = 2_000;
    private static final Pattern SEPARATOR = Pattern.compile("\\s+[|\\-–—·•:»/]\\s+|\\s+[|·•»]|[|·•»]\\s+");
    private static final Pattern BY_PREFIX = Pattern.compile(
            "^(?:(?i)(?:written|posted|authored|published|words)\\s+)?(?:(?i)(?:by|von|par|por|di|door|av|af)"
                    + "(?:\\s*[:\\-]?\\s+|(?=\\p{Lu})|$)|(?i)authors?\\s*:\\s*)");
    private static final Pattern BYLINE_CUT = Pattern.compile(
            "\\s*(?:[|•·\\n]|\\s[-–—]\\s|\\bon\\s+\\w+\\s+\\d|,\\s*\\d|\\s(?i:updated|published|posted|last updated"
                    + "|reviewed|fact[- ]checked|read more)\\b|\\sin\\s+\\p{Lu}).*$",
            Pattern.DOTALL);
    private static final String LD_JSON_TYPE = "application/ld+json";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern NAME_SEPARATOR = Pattern.compile("\\s*(?:;|\\band\\b|&|\\bund\\b|\\bet\\b)\\s*");
    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");
    private static final List<String> AUTHOR_META = List.of(
            "author",
            "article:author",
            "dc.creator",
            "dcterms.creator",
            "citation_author",
            "parsely-author",
            "sailthru.author",
            "byl",
            "dc.creator.name");
    private static final List<String> PUBLISHED_META = List.of(
            "article:published_time",
            "og:article:published_time",
            "datepublished",
            "publishdate",
            "publish-date",
            "pubdate",
            "publication_date",
            "citation_publication_date",
            "citation_date",
            "dc.date.issued",
            "dcterms.issued",
            "dc.date",
            "dcterms.date",
            "dcterms.created",
            "dc.date.created",
            "date",
            "sailthru.date",
            "parsely-pub-date",
            "article.published",
            "og:published_time");
    private static final List<String> MODIFIED_META = List.of(
            "article:modified_time",
            "og:article:modified_time",
            "og:updated_time",
            "datemodified",
            "dcterms.modified",
            "dc.date.modified",
            "last-modified",
            "article.updated");

    private final ObjectReader json = JsonLd.lenientReader();

    Metadata extract(org.jsoup.nodes.Document page) {
        return extract(page, new PageLinks.Collector(), PageMarks.collecting(page));
    }

    /**
     * As {@link #extract(org.jsoup.nodes.Document)}, handing the page's links to {@code links} and what
     * may be its {@code marks} to them too, in page order: they are found in the same walk, from the
     * attributes it reads anyway.
     */
    Metadata extract(org.jsoup.nodes.Document page, PageLinks.Collector links, PageMarks marks) {
        Page p = new Page(page, json, links, marks);
        Optional<String> site = first(
                () -> p.meta("og:site_name"),
                p::jsonLdSite,
                () -> p.meta("application-name"),
                () -> p.meta("dc.publisher"),
                () -> p.microdata("publisher"));
        Optional<String> title = first(
                        () -> p.headline(site),
                        () -> p.meta("og:title"),
                        () -> p.jsonLd("headline"),
                        () -> p.jsonLd("name"),
                        () -> p.meta("twitter:title"),
                        () -> p.meta("citation_title"),
                        () -> p.meta("dc.title"),
                        () -> p.meta("dcterms.title"),
                        () -> p.microdata("headline"),
                        p::title,
                        p::h1)
                .map(t -> cleanTitle(t, site, p.h1()));
        return new Metadata(
                title,
                authors(p),
                first(
                                () -> p.jsonLd("datePublished"),
                                () -> p.jsonLd("dateCreated"),
                                () -> p.jsonLd("uploadDate"),
                                () -> p.metaDate(PUBLISHED_META),
                                () -> p.microdata("datePublished"),
                                p::timeElement)
                        .flatMap(Dates::iso)
                        .or(p::visibleDate),
                first(
                                () -> p.jsonLd("dateModified"),
                                () -> p.metaDate(MODIFIED_META),
                                () -> p.microdata("dateModified"))
                        .flatMap(Dates::iso),
                site,
                first(
                        () -> p.meta("og:description"),
                        () -> p.meta("description"),
                        () -> p.meta("twitter:description"),
                        () -> p.jsonLd("description"),
                        () -> p.meta("dc.description")),
                first(
                                () -> p.htmlAttribute("lang"),
                                () -> p.htmlAttribute("xml:lang"),
                                () -> p.meta("content-language"),
                                () -> p.meta("og:locale"),
                                () -> p.jsonLd("inLanguage"),
                                () -> p.meta("dc.language"))
                        .flatMap(MetadataExtractor::languageTag),
                first(p::canonical, () -> p.meta("og:url"), () -> p.jsonLd("url"), () -> p.jsonLd("mainEntityOfPage"))
                        .map(u -> resolve(page.location(), u))
                        .flatMap(PageLinks::absolute),
                !p.itemprops.isEmpty() ? ProductFacts.of(p.jsonLd, p.productItem) : ProductFacts.of(p.jsonLd));
    }

    private static List<String> authors(Page p) {
        List<Supplier<List<String>>> sources = List.of(
                () -> p.jsonLdAuthors(true),
                () -> p.metaAll(AUTHOR_META).stream()
                        .filter(a -> !a.contains("://") && !a.startsWith("@"))
                        .flatMap(MetadataExtractor::splitNames)
                        .toList(),
                p::microdataAuthors,
                p::bylineAuthors,
                p::authorPageLinks,
                () -> p.jsonLdAuthors(false));
        for (Supplier<List<String>> source : sources) {
            Set<String> names = new LinkedHashSet<>(); // each name once, in order
            for (String value : source.get()) {
                Optional<String> cleaned = clean(value);
                if (cleaned.isPresent()) {
                    String name = BY_PREFIX.matcher(cleaned.get()).replaceFirst("");
                    if (plausibleName(name)) {
                        names.add(name);
                    }
                }
            }
            if (!names.isEmpty()) {
                return List.copyOf(names);
            }
        }
        return List.of();
    }

    /** "Jane Doe and John Roe" or "Jane Doe; John Roe" are two people; "Doe, Jane" is one. */
    private static Stream<String> splitNames(String value) {
        String[] parts = NAME_SEPARATOR.split(value);
        if (parts.length == 1) {
            String[] commas = COMMA.split(value);
            boolean allFullNames = commas.length > 1 && Stream.of(commas).allMatch(c -> c.contains(" "));
            return allFullNames ? Stream.of(commas) : Stream.of(value);
        }
        return Stream.of(parts);
    }

    private static boolean plausibleName(String name) {
        return name.length() >= 2
                && name.codePoints().noneMatch(Character::isDigit)
                && name.length() <= 80
                && WHITESPACE.split(name).length <= 6
                && name.codePoints().anyMatch(Character::isLetter)
                && !name.contains("://");
    }

    /** Strips a site name (or the h1's surroundings) from a title such as "Story | Site" or "Site — Story". */
    static String cleanTitle(String title, Optional<String> site, Optional<String> h1) {
        String[] parts = SEPARATOR.split(title);
        if (parts.length < 2) {
            return title;
        }
        if (site.isPresent()) {
            String siteKey = key(site.get());
            List<String> kept = new ArrayList<>(List.of(parts));
            if (kept.size() > 1 && matchesSite(key(kept.getLast()), siteKey)) {
                kept.removeLast();
            } else if (kept.size() > 1 && matchesSite(key(kept.getFirst()), siteKey)) {
                kept.removeFirst();
            }
            if (kept.size() < parts.length) {
                return joinKept(title, kept);
            }
        }
        if (h1.isPresent()) {
            String h1Key = key(h1.get());
            for (String part : parts) {
                if (key(part).equals(h1Key)) {
                    return part.strip();
                }
            }
        }
        return title;
    }

    private static boolean matchesSite(String part, String site) {
        return !part.isEmpty()
                && (part.equals(site)
                        || part.equals(site.replace(" ", ""))
                        || site.startsWith(part + " ")
                        || part.startsWith(site + " ")
                        || domainLike(part, site));
    }

    private static boolean domainLike(String part, String site) {
        // "Example.com" for a site called "Example"
        return part.contains(".") && part.substring(0, part.indexOf('.')).equals(site.replace(" ", ""));
    }

    /** Rebuilds the title from the kept parts, keeping the original separators between them. */
    private static String joinKept(String title, List<String> kept) {
        int start = title.indexOf(kept.getFirst());
        String last = kept.getLast();
        int end = title.lastIndexOf(last) + last.length();
        return start >= 0 && end > start ? title.substring(start, end).strip() : String.join(" ", kept);
    }

    private static String key(String s) {
        return collapseWhitespace(s.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * {@code s.replaceAll("\\s+", " ")}, without the regex for the values (nearly all) whose whitespace is
     * single spaces already, which it gives back unchanged.
     */
    static String collapseWhitespace(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            boolean collapses = c == ' ' ? i + 1 < n && Whitespace.isSpace(s.charAt(i + 1)) : Whitespace.isSpace(c);
            if (collapses) {
                return WHITESPACE.matcher(s).replaceAll(" ");
            }
        }
        return s;
    }

    /**
     * Whether a script's {@code type} is JSON-LD: {@code (?i)^\s*application/ld\+json}, read without a
     * matcher per script (pages have dozens of scripts).
     */
    static boolean isJsonLdType(String type) {
        return AsciiCase.startsWith(type, Whitespace.skip(type, 0), LD_JSON_TYPE);
    }

    /** The bit {@link #marks} sets for a value naming an author. */
    static final int AUTHOR_MARK = 1;
    /** The bit {@link #marks} sets for a value naming a date. */
    static final int DATE_MARK = 2;

    /**
     * Which words of an author or a date one value of the attributes that name an element holds, as
     * bits: testing each value is testing them joined with spaces, as none of the words holds one. The
     * author words are "author" and "byline", the date words "date", "time", "publish", "posted", "meta"
     * and "byline"; one pass looks for them all, at the letters they start with, in ASCII letters of any
     * case: what searching the lower-cased value finds (no other character lower-cases to a letter of
     * the words), without a lower-cased copy of every value.
     */
    static int marks(String value) {
        int last = value.length() - 4; // no word is shorter than four letters
        if (last < 0) {
            return 0;
        }
        int marks = 0;
        // Each character read once, its case folded by setting bit 0x20: that gives a letter of the words only
        // for the letter itself in either case, as lower-casing does. A word starts only where its first two
        // letters are.
        int next = value.charAt(0) | 0x20;
        for (int i = 0; i <= last; i++) {
            int c = next;
            next = value.charAt(i + 1) | 0x20;
            switch (c) { // a statement, not marks |= switch: C1 then does nothing at the other characters
                case 'a' -> marks |= next == 'u' && AsciiCase.startsWith(value, i, "author") ? AUTHOR_MARK : 0;
                case 'b' ->
                    marks |= next == 'y' && AsciiCase.startsWith(value, i, "byline") ? AUTHOR_MARK | DATE_MARK : 0;
                case 'd' -> marks |= next == 'a' && AsciiCase.startsWith(value, i, "date") ? DATE_MARK : 0;
                case 't' -> marks |= next == 'i' && AsciiCase.startsWith(value, i, "time") ? DATE_MARK : 0;
                case 'p' ->
                    marks |= next == 'u' && AsciiCase.startsWith(value, i, "publish")
                                    || next == 'o' && AsciiCase.startsWith(value, i, "posted")
                            ? DATE_MARK
                            : 0;
                case 'm' -> marks |= next == 'e' && AsciiCase.startsWith(value, i, "meta") ? DATE_MARK : 0;
                default -> {}
            }
        }
        return marks;
    }

    static Optional<String> languageTag(String raw) {
        String s = raw.strip().replace('_', '-');
        if (!hasLanguageTagShape(s)) {
            return Optional.empty();
        }
        return Optional.of(Locale.forLanguageTag(s).toLanguageTag()).filter(t -> !t.equals("und"));
    }

    /**
     * Whether {@code s} matches {@code [A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*}, read without a matcher (it was one of
     * the costlier steps left after the walk).
     */
    static boolean hasLanguageTagShape(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && isAsciiLetter(s.charAt(i))) {
            i++;
        }
        if (i < 2 || i > 3) {
            return false;
        }
        while (i < n) {
            if (s.charAt(i) != '-') {
                return false;
            }
            int start = ++i;
            while (i < n && (isAsciiLetter(s.charAt(i)) || (s.charAt(i) >= '0' && s.charAt(i) <= '9'))) {
                i++;
            }
            if (i - start < 2 || i - start > 8) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String resolve(String base, String url) {
        try {
            return base.isEmpty() ? url : URI.create(base).resolve(url.strip()).toString();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static Optional<String> clean(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String s = collapseWhitespace(value).strip();
        if (s.length() > MAX_VALUE_CHARS) {
            s = s.substring(0, MAX_VALUE_CHARS);
        }
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    @SafeVarargs
    private static Optional<String> first(Supplier<Optional<String>>... sources) {
        for (Supplier<Optional<String>> source : sources) {
            Optional<String> value = source.get().flatMap(MetadataExtractor::clean);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /**
     * Everything metadata needs from one page, found in a single walk over its elements (a page can have
     * a million of them; one query per field would walk it dozens of times).
     */
    private static final class Page {
        private static final Set<String> ARTICLE_SCOPES = Set.of(
                "article",
                "newsarticle",
                "blogposting",
                "techarticle",
                "scholarlyarticle",
                "report",
                "webpage",
                "product",
                "recipe",
                "review",
                "discussionforumposting",
                "socialmediaposting",
                "creativework");
        private static final String BYLINE = "[rel=author], [itemprop=author], .byline, .author, .author-name,"
                + " .article-author, .post-author, [class*=byline], [class~=(?i)^author], [data-testid*=byline],"
                + " address[class*=author]";
        private static final Pattern AUTHOR_HREF = Pattern.compile("/(author|authors|writers?|people|profile)/[^/?#]+");
        private static final Pattern DATE_CLASS =
                Pattern.compile("(?i)(^|[\\s_-])(date|time|published|posted|pubdate|timestamp|byline|meta)([\\s_-]|$)");
        private static final int MAX_DATE_ELEMENTS = 20;
        private static final int MAX_BYLINES = 8;
        private static final String[] META_KEYS = {"property", "name", "http-equiv"};
        /** Parsed once: evaluators of attribute and class selectors hold no state. */
        private static final Evaluator BYLINE_QUERY = QueryParser.parse(BYLINE);
        // The ancestors asked for below, parsed once too (jsoup parses a query string on every call).
        private static final Evaluator SVG = QueryParser.parse("svg");
        private static final Evaluator AUTHOR_ITEMPROP = QueryParser.parse("[itemprop~=(?i)^(author|creator)$]");
        private static final Evaluator ARTICLE_OR_MAIN = QueryParser.parse("article, main");
        private static final Evaluator CONTENT_OR_BYLINE = QueryParser.parse("article, main, [class*=byline]");
        private static final Evaluator NAV_OR_FOOTER = QueryParser.parse("nav, footer");
        private static final Evaluator FOOTER_NAV_OR_ASIDE = QueryParser.parse("footer, nav, aside");
        private static final Evaluator NAVIGATION = QueryParser.parse("header nav, nav, footer, aside");
        private static final Evaluator ITEM_NAME = QueryParser.parse("[itemprop=name]");
        /** The query for each microdata property asked about: the few names this class asks for. */
        private static final Map<String, Evaluator> ITEMPROPS = new ConcurrentHashMap<>();

        final Map<String, List<String>> metas = new LinkedHashMap<>();
        final JsonLd jsonLd;
        final org.jsoup.nodes.Document doc;
        private final List<Element> jsonLdScripts = new ArrayList<>();
        private Element html;
        private Element canonical;
        private Element title;
        private Element h1;
        private Element h1InContent;
        private int h1Count;
        private Element authorLink;
        private final List<Element> dateElements = new ArrayList<>();
        private Element pubdateTime;
        private Element contentTime;
        private Element anyTime;
        private final List<Element> bylines = new ArrayList<>();
        private Element articleScope;
        /** The elements with an {@code itemprop}, in page order: the microdata values are read from them. */
        private final List<Element> itemprops = new ArrayList<>();

        private final PageLinks.Collector links;
        private final PageMarks pageMarks;
        /** The first microdata item of a product type, or null: what its facts are read from. */
        private Element productItem;

        Page(org.jsoup.nodes.Document doc, ObjectReader json, PageLinks.Collector links, PageMarks marks) {
            this.doc = doc;
            this.links = links;
            this.pageMarks = marks;
            TreeQuery.forEachElement(doc, this::visit);
            if (articleScope == null && !itemprops.isEmpty()) {
                articleScope = doc.body();
            }
            this.jsonLd = JsonLd.of(jsonLdScripts, json);
        }

        private void visit(Element e) {
            String tag = e.normalName();
            switch (tag) {
                case "html" -> html = html == null ? e : html;
                case "title" -> title = title == null && e.closest(SVG) == null ? e : title;
                case "meta" -> meta(e);
                case "link" -> {
                    if (canonical == null && e.hasAttr("href") && e.attr("rel").equalsIgnoreCase("canonical")) {
                        canonical = e;
                    }
                }
                case "script" -> {
                    if (isJsonLdType(e.attr("type"))) {
                        jsonLdScripts.add(e);
                    }
                }
                case "h1" -> {
                    h1 = h1 == null ? e : h1;
                    h1Count++;
                    if (h1InContent == null && e.closest(ARTICLE_OR_MAIN) != null) {
                        h1InContent = e;
                    }
                }
                case "time" -> {
                    if (e.hasAttr("datetime")) {
                        anyTime = anyTime == null ? e : anyTime;
                        if (pubdateTime == null && e.hasAttr("pubdate")) {
                            pubdateTime = e;
                        }
                        if (contentTime == null && e.closest(CONTENT_OR_BYLINE) != null) {
                            contentTime = e;
                        }
                    }
                }
                default -> {}
            }
            if (e.attributesSize() == 0) {
                return; // the checks below all need an attribute
            }
            // One pass over the attributes rather than a lookup by name for each that matters (each lookup
            // compares every name). The parser lower-cases attribute names and keeps the first of a repeated
            // one, so the names compared exactly here find what attr() finds by comparing them case-blind.
            int marks = 0;
            String href = null;
            String linkTitle = "";
            boolean itemprop = false;
            boolean itemscope = false;
            String itemtype = null;
            for (Attribute attribute : e.attributes()) {
                String value = attribute.getValue();
                switch (attribute.getKey()) {
                    case "class", "id", "rel", "data-testid" -> marks |= marks(value);
                    case "itemprop" -> {
                        marks |= marks(value);
                        itemprop = true;
                    }
                    case "href" -> href = value;
                    case "title" -> linkTitle = value;
                    case "itemscope" -> itemscope = true;
                    case "itemtype" -> itemtype = value;
                    default -> {}
                }
            }
            if (itemtype != null || tag.equals("script") || tag.equals("meta")) {
                pageMarks.offer(e); // the only elements its queries can match
            }
            if (href != null && (tag.equals("a") || tag.equals("area"))) {
                links.link(e, href, linkTitle);
                if (authorLink == null && tag.equals("a") && isAuthorHref(href)) {
                    authorLink = e;
                }
            }
            if (bylines.size() < MAX_BYLINES
                    && (marks & AUTHOR_MARK) != 0
                    && e.is(BYLINE_QUERY)
                    && e.closest(NAV_OR_FOOTER) == null) {
                bylines.add(e);
            }
            if (dateElements.size() < MAX_DATE_ELEMENTS
                    && !tag.equals("html")
                    && !tag.equals("body")
                    && (marks & DATE_MARK) != 0
                    && DATE_CLASS.matcher(e.className() + " " + e.id()).find()
                    && e.closest(FOOTER_NAV_OR_ASIDE) == null) {
                dateElements.add(e);
            }
            if (itemprop) {
                itemprops.add(e);
            }
            if (productItem == null && itemscope && itemtype != null && ProductFacts.isProductItem(itemtype)) {
                productItem = e;
            }
            if (articleScope == null && itemscope && itemtype != null) {
                String type = itemtype.strip().toLowerCase(Locale.ROOT);
                if (ARTICLE_SCOPES.contains(type.substring(type.lastIndexOf('/') + 1))) {
                    articleScope = e;
                }
            }
        }

        /**
         * {@link #AUTHOR_HREF}, with the regex skipped for the links (nearly all) that hold none of its words
         * after a slash: one pass over the slashes rather than a search of the whole href per word.
         */
        private static boolean isAuthorHref(String href) {
            for (int slash = href.indexOf('/'); slash >= 0; slash = href.indexOf('/', slash + 1)) {
                int next = slash + 1;
                boolean word = next < href.length()
                        && switch (href.charAt(next)) {
                            case 'a' -> href.startsWith("author", next);
                            case 'w' -> href.startsWith("writer", next);
                            case 'p' -> href.startsWith("people/", next) || href.startsWith("profile/", next);
                            default -> false;
                        };
                if (word) {
                    return AUTHOR_HREF.matcher(href).find();
                }
            }
            return false;
        }

        /** {@code <meta>} values by lower-case property, name or http-equiv; every value kept in order. */
        private void meta(Element meta) {
            String content = meta.attr("content");
            if (content.isBlank() || content.length() > MAX_VALUE_CHARS) {
                return;
            }
            for (String attr : META_KEYS) {
                String key = meta.attr(attr).strip().toLowerCase(Locale.ROOT);
                if (!key.isEmpty()) {
                    metas.computeIfAbsent(key, k -> new ArrayList<>()).add(content);
                }
            }
        }

        Optional<String> meta(String key) {
            List<String> values = metas.get(key); // never empty: a key is added with its first value
            return values == null ? Optional.empty() : Optional.of(values.getFirst());
        }

        List<String> metaAll(List<String> keys) {
            for (String key : keys) {
                List<String> values = metas.getOrDefault(key, List.of());
                if (!values.isEmpty()) {
                    return values;
                }
            }
            return List.of();
        }

        Optional<String> metaDate(List<String> keys) {
            for (String key : keys) {
                for (String value : metas.getOrDefault(key, List.of())) {
                    if (Dates.iso(value).isPresent()) {
                        return Optional.of(value);
                    }
                }
            }
            return Optional.empty();
        }

        Optional<String> jsonLd(String property) {
            return jsonLd.mainEntity().flatMap(n -> JsonLd.text(n.get(property)));
        }

        /** People named as authors, or (with {@code people} false) organisations, which a byline usually beats. */
        List<String> jsonLdAuthors(boolean people) {
            return jsonLd.mainEntity()
                    .map(n -> jsonLd.names(
                            Optional.ofNullable(n.get("author")).orElse(n.get("creator")),
                            people ? JsonLd.Party.PERSON : JsonLd.Party.ORGANIZATION))
                    .orElse(List.of());
        }

        /** The text of links to author pages ({@code /author/jane-doe}), a common byline without markup. */
        List<String> authorPageLinks() {
            return Optional.ofNullable(authorLink).map(a -> List.of(a.text())).orElse(List.of());
        }

        /** The first date written in an element whose class or id says it holds a date. */
        Optional<String> visibleDate() {
            return dateElements.stream()
                    .map(e -> Dates.findIn(e.text()))
                    .flatMap(Optional::stream)
                    .findFirst();
        }

        /**
         * The page's visible headline: the {@code <h1>} of the article or main element, else the page's only
         * {@code <h1>}, when it reads like a title (not the site's name, not in navigation, a few words).
         */
        Optional<String> headline(Optional<String> site) {
            Element candidate = h1InContent != null ? h1InContent : h1Count == 1 ? h1 : null;
            if (candidate == null || candidate.closest(NAVIGATION) != null) {
                return Optional.empty();
            }
            return clean(candidate.text())
                    .filter(t -> t.length() >= 4 && t.length() <= 300)
                    .filter(t -> site.map(name -> !key(name).equals(key(t))).orElse(true));
        }

        Optional<String> jsonLdSite() {
            Optional<String> publisher = jsonLd.mainEntity()
                    .map(n -> jsonLd.names(n.get("publisher")))
                    .flatMap(names -> names.stream().findFirst());
            return publisher.or(() -> jsonLd.firstOfType(Set.of("website")).flatMap(n -> JsonLd.text(n.get("name"))));
        }

        Optional<String> htmlAttribute(String name) {
            return Optional.ofNullable(html).map(h -> h.attr(name));
        }

        Optional<String> canonical() {
            return Optional.ofNullable(canonical).map(l -> AbsoluteUrls.of(l, "href"));
        }

        Optional<String> title() {
            return Optional.ofNullable(title).map(Element::text);
        }

        Optional<String> microdata(String property) {
            List<Element> all = inArticleScope(
                    ITEMPROPS.computeIfAbsent(property, p -> QueryParser.parse("[itemprop~=(?i)^" + p + "$]")));
            if (all.isEmpty()) {
                return Optional.empty();
            }
            Element found = all.get(0);
            if (found.hasAttr("itemscope")) {
                return Optional.ofNullable(found.selectFirst(ITEM_NAME)).map(Page::value);
            }
            return Optional.of(value(found));
        }

        List<String> microdataAuthors() {
            Set<String> names = new LinkedHashSet<>();
            for (Element author : inArticleScope(AUTHOR_ITEMPROP)) {
                Element name = author.hasAttr("itemscope") ? author.selectFirst(ITEM_NAME) : author;
                if (name != null) {
                    names.add(value(name));
                }
            }
            return List.copyOf(names);
        }

        /**
         * The elements with an {@code itemprop} in the article's scope (none without one) that {@code query}
         * matches, in page order: what {@code articleScope.select(query)} finds for a query of that attribute.
         */
        private List<Element> inArticleScope(Evaluator query) {
            List<Element> found = new ArrayList<>();
            if (articleScope != null) {
                for (Element e : itemprops) {
                    if (TreeQuery.holds(articleScope, e) && query.matches(articleScope, e)) {
                        found.add(e);
                    }
                }
            }
            return found;
        }

        /** The names in the first byline element that has any ("Written by" alone, or a date, has none). */
        List<String> bylineAuthors() {
            for (Element byline : bylines) {
                String text = BY_PREFIX.matcher(byline.text().strip()).replaceFirst("");
                text = BYLINE_CUT.matcher(text).replaceFirst("").strip();
                List<String> names = splitNames(text)
                        .filter(MetadataExtractor::plausibleName)
                        .toList();
                if (!names.isEmpty()) {
                    return names;
                }
            }
            return List.of();
        }

        Optional<String> timeElement() {
            return Optional.ofNullable(pubdateTime != null ? pubdateTime : contentTime != null ? contentTime : anyTime)
                    .map(t -> t.attr("datetime"));
        }

        Optional<String> h1() {
            return Optional.ofNullable(h1InContent != null ? h1InContent : h1).flatMap(h -> clean(h.text()));
        }

        private static String value(Element e) {
            for (String attr : List.of("content", "datetime")) {
                if (e.hasAttr(attr)) {
                    return e.attr(attr);
                }
            }
            return e.text();
        }
    }
}
