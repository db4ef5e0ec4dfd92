package dev.mcpweb.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;

/**
 * What a page says about itself. Each field takes the first source that has it, most trusted first:
 * explicit structured data (OpenGraph, JSON-LD, Twitter cards, Dublin Core and other {@code <meta>}),
 * then microdata, then what the visible page shows ({@code <title>}, the first {@code <h1>}, a byline,
 * {@code <time>}). Titles lose a " | Site Name" suffix or prefix when the site is known, dates become
 * ISO 8601, languages become BCP 47 tags. Malformed structured data is skipped, never thrown.
 */
final class MetadataExtractor {
    private static final int MAX_VALUE_CHARS = 2_000;
    private static final Pattern SEPARATOR = Pattern.compile("\\s+[|\\-–—·•:»/]\\s+|\\s+[|·•»]|[|·•»]\\s+");
    private static final Pattern BY_PREFIX = Pattern.compile("^(?i)(by|von|par|por|di|door|av|af)\\s*[:\\-]?\\s+");
    private static final Pattern BYLINE_CUT =
            Pattern.compile("\\s*(?:[|•·\\n]|\\s[-–—]\\s|\\bon\\s+\\w+\\s+\\d|,\\s*\\d).*$", Pattern.DOTALL);
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

    private final ObjectMapper json = JsonLd.lenientMapper();

    Metadata extract(org.jsoup.nodes.Document page) {
        Page p = new Page(page, metaTags(page), JsonLd.of(page, json));
        Optional<String> site = first(
                () -> p.meta("og:site_name"),
                p::jsonLdSite,
                () -> p.meta("application-name"),
                () -> p.meta("dc.publisher"),
                () -> p.microdata("publisher"));
        Optional<String> title = first(
                        () -> p.meta("og:title"),
                        () -> p.jsonLd("headline"),
                        () -> p.jsonLd("name"),
                        () -> p.meta("twitter:title"),
                        () -> p.meta("citation_title"),
                        () -> p.meta("dc.title"),
                        () -> p.meta("dcterms.title"),
                        () -> p.microdata("headline"),
                        () -> clean(page.title()),
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
                        .flatMap(Dates::iso),
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
                                () -> Optional.ofNullable(page.selectFirst("html"))
                                        .map(h -> h.attr("lang")),
                                () -> Optional.ofNullable(page.selectFirst("html"))
                                        .map(h -> h.attr("xml:lang")),
                                () -> p.meta("content-language"),
                                () -> p.meta("og:locale"),
                                () -> p.jsonLd("inLanguage"),
                                () -> p.meta("dc.language"))
                        .flatMap(MetadataExtractor::languageTag),
                first(
                                () -> Optional.ofNullable(page.selectFirst("link[rel~=(?i)^canonical$][href]"))
                                        .map(l -> l.attr("abs:href")),
                                () -> p.meta("og:url"),
                                () -> p.jsonLd("url"),
                                () -> p.jsonLd("mainEntityOfPage"))
                        .map(u -> resolve(page.location(), u))
                        .flatMap(PageLinks::absolute));
    }

    private static List<String> authors(Page p) {
        List<Supplier<List<String>>> sources = List.of(
                p::jsonLdAuthors,
                () -> p.metaAll(AUTHOR_META).stream()
                        .filter(a -> !a.contains("://") && !a.startsWith("@"))
                        .flatMap(MetadataExtractor::splitNames)
                        .toList(),
                p::microdataAuthors,
                p::bylineAuthors);
        for (Supplier<List<String>> source : sources) {
            List<String> names = source.get().stream()
                    .map(MetadataExtractor::clean)
                    .flatMap(Optional::stream)
                    .map(a -> BY_PREFIX.matcher(a).replaceFirst(""))
                    .filter(MetadataExtractor::plausibleName)
                    .distinct()
                    .toList();
            if (!names.isEmpty()) {
                return names;
            }
        }
        return List.of();
    }

    /** "Jane Doe and John Roe" or "Jane Doe; John Roe" are two people; "Doe, Jane" is one. */
    private static Stream<String> splitNames(String value) {
        String[] parts = value.split("\\s*(?:;|\\band\\b|&|\\bund\\b|\\bet\\b)\\s*");
        if (parts.length == 1) {
            String[] commas = value.split("\\s*,\\s*");
            boolean allFullNames = commas.length > 1 && Stream.of(commas).allMatch(c -> c.contains(" "));
            return allFullNames ? Stream.of(commas) : Stream.of(value);
        }
        return Stream.of(parts);
    }

    private static boolean plausibleName(String name) {
        return name.length() >= 2
                && name.length() <= 80
                && name.split("\\s+").length <= 6
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
        return s.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    static Optional<String> languageTag(String raw) {
        String s = raw.strip().replace('_', '-');
        if (!s.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            return Optional.empty();
        }
        return Optional.of(Locale.forLanguageTag(s).toLanguageTag()).filter(t -> !t.equals("und"));
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
        String s = value.replaceAll("\\s+", " ").strip();
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

    /** {@code <meta>} values by lower-case name, property, itemprop or http-equiv; every value kept in order. */
    private static Map<String, List<String>> metaTags(org.jsoup.nodes.Document page) {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        for (Element meta : page.select("meta[content]")) {
            String content = meta.attr("content");
            if (content.isBlank() || content.length() > MAX_VALUE_CHARS) {
                continue;
            }
            for (String attr : List.of("property", "name", "http-equiv")) {
                String key = meta.attr(attr).strip().toLowerCase(Locale.ROOT);
                if (!key.isEmpty()) {
                    tags.computeIfAbsent(key, k -> new ArrayList<>()).add(content);
                }
            }
        }
        return tags;
    }

    /** One page with its meta tags and JSON-LD, read lazily field by field. */
    private record Page(org.jsoup.nodes.Document doc, Map<String, List<String>> metas, JsonLd jsonLd) {
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

        Optional<String> meta(String key) {
            return metas.getOrDefault(key, List.of()).stream().findFirst();
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
            return keys.stream()
                    .flatMap(k -> metas.getOrDefault(k, List.of()).stream())
                    .filter(v -> Dates.iso(v).isPresent())
                    .findFirst();
        }

        Optional<String> jsonLd(String property) {
            return jsonLd.mainEntity().flatMap(n -> JsonLd.text(n.get(property)));
        }

        List<String> jsonLdAuthors() {
            return jsonLd.mainEntity()
                    .map(n -> jsonLd.names(Optional.ofNullable(n.get("author")).orElse(n.get("creator"))))
                    .orElse(List.of());
        }

        Optional<String> jsonLdSite() {
            Optional<String> publisher = jsonLd.mainEntity()
                    .map(n -> jsonLd.names(n.get("publisher")))
                    .flatMap(names -> names.stream().findFirst());
            return publisher.or(() -> jsonLd.firstOfType(Set.of("website")).flatMap(n -> JsonLd.text(n.get("name"))));
        }

        Optional<String> microdata(String property) {
            Element scope = articleScope();
            Element found = scope == null ? null : scope.selectFirst("[itemprop~=(?i)^" + property + "$]");
            if (found == null) {
                return Optional.empty();
            }
            if (found.hasAttr("itemscope")) {
                Element name = found.selectFirst("[itemprop=name]");
                return Optional.ofNullable(name).map(Page::value);
            }
            return Optional.of(value(found));
        }

        List<String> microdataAuthors() {
            Element scope = articleScope();
            if (scope == null) {
                return List.of();
            }
            Set<String> names = new LinkedHashSet<>();
            for (Element author : scope.select("[itemprop~=(?i)^(author|creator)$]")) {
                Element name = author.hasAttr("itemscope") ? author.selectFirst("[itemprop=name]") : author;
                if (name != null) {
                    names.add(value(name));
                }
            }
            return List.copyOf(names);
        }

        List<String> bylineAuthors() {
            Element byline = doc.selectFirst(BYLINE);
            if (byline == null) {
                return List.of();
            }
            String text = byline.text().strip();
            text = BY_PREFIX.matcher(text).replaceFirst("");
            text = BYLINE_CUT.matcher(text).replaceFirst("");
            return text.isEmpty() ? List.of() : splitNames(text).toList();
        }

        Optional<String> timeElement() {
            Element time = doc.selectFirst("time[pubdate][datetime]");
            if (time == null) {
                time = doc.selectFirst("article time[datetime], main time[datetime], [class*=byline] time[datetime]");
            }
            if (time == null) {
                time = doc.selectFirst("time[datetime]");
            }
            return Optional.ofNullable(time).map(t -> t.attr("datetime"));
        }

        Optional<String> h1() {
            Element h1 = doc.selectFirst("article h1, main h1");
            if (h1 == null) {
                h1 = doc.selectFirst("h1");
            }
            return Optional.ofNullable(h1).flatMap(h -> clean(h.text()));
        }

        private Element articleScope() {
            for (Element scope : doc.select("[itemscope][itemtype]")) {
                String type = scope.attr("itemtype").strip().toLowerCase(Locale.ROOT);
                if (ARTICLE_SCOPES.contains(type.substring(type.lastIndexOf('/') + 1))) {
                    return scope;
                }
            }
            return doc.selectFirst("[itemprop]") == null ? null : doc.body();
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
