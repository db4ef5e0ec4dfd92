package dev.mcpweb.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpweb.document.Document;
import dev.mcpweb.document.Metadata;
import dev.mcpweb.text.Emphasis;
import dev.mcpweb.text.Whitespace;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Documents from text that is not HTML: plain text (kept as it is), Markdown (kept as Markdown, with a
 * plain-text rendering and its links and code blocks; YAML front matter becomes metadata), source code
 * (one fenced block in its language) and JSON (pretty-printed in a {@code json} block).
 */
final class TextFormats {
    private static final int MAX_TITLE_CHARS = 200;
    // Possessive and dot-all where a pattern runs over a whole line: no backtracking, linear time.
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}+|~{3,}+)\\s*+([^`\\s]*+)");
    private static final Pattern SETEXT = Pattern.compile("^ {0,3}(?:=++|-++)\\s*+$");
    // A label holds no '[': each ']' then closes at most one label, so no opening bracket is scanned twice.
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\[\\]]*)]\\(([^)\\s]*)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\[\\]]+)]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern REF_LINK = Pattern.compile("\\[([^\\[\\]]+)]\\[[^\\[\\]]*]");
    private static final Pattern AUTOLINK = Pattern.compile("<(https?://[^<>\\s]+)>");
    private static final Emphasis STRONG = Emphasis.strong();
    private static final Emphasis STRIKE = Emphasis.of("~~");
    private static final Emphasis EMPHASIS = new Emphasis(
            List.of("*", "_"),
            c -> !Emphasis.isWordChar(c) && c != '*',
            c -> c >= 0 && !Whitespace.isSpace(c),
            c -> !Whitespace.isSpace(c),
            c -> !Emphasis.isWordChar(c) && c != '*');
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern QUOTE = Pattern.compile("^ {0,3}> ?");
    private static final Pattern FRONT_MATTER_FIELD = Pattern.compile("(?s)^([A-Za-z_][\\w-]*+)\\s*+:\\s*+(.*)");

    private TextFormats() {}

    static Document plainText(URI url, String raw) {
        String text = normalise(raw);
        Metadata metadata = withTitle(Metadata.empty(), firstLine(text));
        return new Document(url, metadata, text, text, List.of(), List.of(), List.of());
    }

    static Document sourceCode(URI url, String raw, String language) {
        String code = normalise(raw);
        String fence = fenceFor(code);
        String markdown = code.isEmpty() ? "" : fence + language + "\n" + code + "\n" + fence;
        Metadata metadata = withTitle(Metadata.empty(), fileName(url));
        return new Document(
                url, metadata, markdown, code, List.of(), List.of(), List.of(new Document.CodeBlock(language, code)));
    }

    static Document json(URI url, String raw, ObjectMapper mapper) {
        List<JsonNode> values = new ArrayList<>();
        try (MappingIterator<JsonNode> it = mapper.readerFor(JsonNode.class).readValues(raw)) {
            while (it.hasNextValue()) {
                values.add(it.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            values.clear(); // not JSON after all: keep the text as it came
        }
        String pretty;
        Optional<String> title = Optional.empty();
        if (values.isEmpty()) {
            pretty = normalise(raw);
        } else {
            StringBuilder out = new StringBuilder();
            for (JsonNode value : values) {
                try {
                    out.append(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value))
                            .append('\n');
                } catch (IOException e) {
                    throw new IllegalStateException("a parsed JSON tree always serialises", e);
                }
            }
            pretty = out.toString().strip();
            JsonNode first = values.getFirst();
            title = first.isObject()
                    ? JsonLd.text(first.get("title")).or(() -> JsonLd.text(first.get("name")))
                    : Optional.empty();
        }
        String fence = fenceFor(pretty);
        String markdown = pretty.isEmpty() ? "" : fence + "json\n" + pretty + "\n" + fence;
        Metadata metadata = withTitle(Metadata.empty(), title.or(() -> fileName(url)));
        return new Document(
                url, metadata, markdown, pretty, List.of(), List.of(), List.of(new Document.CodeBlock("json", pretty)));
    }

    static Document markdown(URI url, String raw) {
        String source = normalise(raw);
        Map<String, String> frontMatter = new LinkedHashMap<>();
        String body = stripFrontMatter(source, frontMatter);
        List<String> lines = body.lines().toList();
        StringBuilder text = new StringBuilder();
        Map<URI, Document.Link> links = new LinkedHashMap<>();
        List<Document.CodeBlock> codeBlocks = new ArrayList<>();
        Optional<String> heading = Optional.empty();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher fence = FENCE.matcher(line);
            if (fence.lookingAt()) {
                String marker = fence.group(1);
                StringBuilder code = new StringBuilder();
                int j = i + 1;
                while (j < lines.size() && !lines.get(j).strip().startsWith(marker)) {
                    code.append(lines.get(j)).append('\n');
                    j++;
                }
                String block = code.toString().stripTrailing();
                codeBlocks.add(new Document.CodeBlock(fence.group(2).toLowerCase(Locale.ROOT), block));
                text.append(block).append('\n');
                i = j;
                continue;
            }
            Optional<String> atx = atxHeading(line);
            if (atx.isPresent()) {
                String title = inline(atx.get(), url, links);
                heading = heading.or(() -> Optional.of(title).filter(t -> !t.isBlank()));
                text.append(title).append('\n');
                continue;
            }
            boolean underlined = i + 1 < lines.size()
                    && !line.isBlank()
                    && SETEXT.matcher(lines.get(i + 1)).matches()
                    && !line.strip().startsWith("-");
            if (underlined) {
                String title = inline(line.strip(), url, links);
                heading = heading.or(() -> Optional.of(title));
                text.append(title).append('\n');
                i++;
                continue;
            }
            text.append(inline(QUOTE.matcher(line).replaceFirst(""), url, links))
                    .append('\n');
        }
        String plain = text.toString().replaceAll("\n{3,}", "\n\n").strip();
        Optional<String> firstHeading = heading;
        Optional<String> title = Optional.ofNullable(frontMatter.get("title"))
                .or(() -> firstHeading)
                .or(() -> firstLine(plain));
        List<String> authors = Optional.ofNullable(frontMatter.getOrDefault("author", frontMatter.get("authors")))
                .map(a -> List.of(a.replaceAll("^\\[|]$", "").split("\\s*,\\s*")))
                .orElse(List.of())
                .stream()
                .map(a -> a.replaceAll("^[\"']|[\"']$", "").strip())
                .filter(a -> !a.isEmpty())
                .toList();
        Metadata metadata = new Metadata(
                title.map(TextFormats::truncate),
                authors,
                Optional.ofNullable(frontMatter.get("date")).flatMap(Dates::iso),
                Optional.ofNullable(frontMatter.getOrDefault("updated", frontMatter.get("lastmod")))
                        .flatMap(Dates::iso),
                Optional.empty(),
                Optional.ofNullable(frontMatter.get("description")),
                Optional.ofNullable(frontMatter.get("lang")).flatMap(MetadataExtractor::languageTag),
                Optional.empty(),
                List.of());
        return new Document(
                url,
                metadata,
                body.strip(),
                plain,
                List.copyOf(links.values()),
                List.copyOf(links.values()),
                codeBlocks);
    }

    /** Inline Markdown to plain text, collecting the links. */
    private static String inline(String line, URI base, Map<URI, Document.Link> links) {
        String s = IMAGE.matcher(line).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        Matcher link = LINK.matcher(s);
        StringBuilder out = new StringBuilder();
        while (link.find()) {
            String label = link.group(1);
            resolve(base, link.group(2)).ifPresent(u -> links.putIfAbsent(u, new Document.Link(u, plainInline(label))));
            link.appendReplacement(out, Matcher.quoteReplacement(label));
        }
        link.appendTail(out);
        Matcher auto = AUTOLINK.matcher(out.toString());
        while (auto.find()) {
            resolve(base, auto.group(1)).ifPresent(u -> links.putIfAbsent(u, new Document.Link(u, auto.group(1))));
        }
        s = auto.replaceAll("$1");
        s = REF_LINK.matcher(s).replaceAll("$1");
        return plainInline(s);
    }

    private static String plainInline(String s) {
        String out = CODE_SPAN.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        out = STRONG.strip(out);
        out = STRIKE.strip(out);
        return EMPHASIS.strip(out);
    }

    /**
     * The text of an ATX heading line ({@code ## Title ##}): up to three spaces, one to six {@code #},
     * white space, the title, and an optional closing run of {@code #} after white space.
     */
    private static Optional<String> atxHeading(String line) {
        int level = Whitespace.headingLevel(line);
        if (level == 0) {
            return Optional.empty();
        }
        int start = line.indexOf('#') + level;
        while (start < line.length() && Whitespace.isSpace(line.charAt(start))) {
            start++;
        }
        int end = trimSpaceEnd(line, start, line.length());
        int closing = end;
        while (closing > start && line.charAt(closing - 1) == '#') {
            closing--;
        }
        if (closing < end && closing > start && Whitespace.isSpace(line.charAt(closing - 1))) {
            end = trimSpaceEnd(line, start, closing);
        }
        return Optional.of(line.substring(start, end));
    }

    private static int trimSpaceEnd(String s, int start, int end) {
        while (end > start && Whitespace.isSpace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static Optional<URI> resolve(URI base, String href) {
        String absolute = href;
        try {
            if (!href.contains("://")) {
                absolute = base.resolve(href).toString();
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return PageLinks.absolute(absolute);
    }

    private static String stripFrontMatter(String source, Map<String, String> fields) {
        if (!source.startsWith("---\n")) {
            return source;
        }
        int end = source.indexOf("\n---\n", 3);
        if (end < 0 && source.endsWith("\n---")) {
            end = source.length() - 4;
        }
        if (end < 0) {
            return source;
        }
        for (String line : source.substring(4, end).split("\n")) {
            Matcher field = FRONT_MATTER_FIELD.matcher(line);
            if (field.matches() && !field.group(2).isBlank()) {
                String value = field.group(2).strip().replaceAll("^[\"']|[\"']$", "");
                fields.putIfAbsent(field.group(1).toLowerCase(Locale.ROOT), value);
            }
        }
        return source.substring(Math.min(source.length(), end + 5));
    }

    /** A fence longer than any backtick run at the start of a line inside, so the block cannot close early. */
    private static String fenceFor(String content) {
        int longest = 0;
        int n = content.length();
        for (int lineStart = 0; lineStart < n; ) {
            int i = lineStart;
            while (i < n && content.charAt(i) != '\n' && Whitespace.isSpace(content.charAt(i))) {
                i++;
            }
            int run = i;
            while (run < n && content.charAt(run) == '`') {
                run++;
            }
            if (run - i >= 3) {
                longest = Math.max(longest, run - i);
            }
            int next = content.indexOf('\n', run);
            lineStart = next < 0 ? n : next + 1;
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    /** Unix newlines, no control characters but tab and newline, no trailing blank space. */
    static String normalise(String raw) {
        String s = raw.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints()
                .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                .forEach(out::appendCodePoint);
        return Whitespace.trimLineEnds(out.toString())
                .replaceFirst("^\\s*\n", "")
                .stripTrailing();
    }

    private static Optional<String> firstLine(String text) {
        return text.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .findFirst()
                .map(TextFormats::truncate);
    }

    private static String truncate(String s) {
        return s.length() <= MAX_TITLE_CHARS
                ? s
                : s.substring(0, MAX_TITLE_CHARS).strip() + "…";
    }

    private static Optional<String> fileName(URI url) {
        String path = url.getPath();
        if (path == null || path.isEmpty() || path.endsWith("/")) {
            return Optional.empty();
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty()
                ? Optional.empty()
                : Optional.of(name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name);
    }

    private static Metadata withTitle(Metadata m, Optional<String> title) {
        return new Metadata(
                title,
                m.authors(),
                m.published(),
                m.modified(),
                m.siteName(),
                m.description(),
                m.language(),
                m.canonicalUrl(),
                m.productFacts());
    }
}
