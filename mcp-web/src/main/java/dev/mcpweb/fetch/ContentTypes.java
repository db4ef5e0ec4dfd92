package dev.mcpweb.fetch;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Which media types the fetcher accepts, and the media type of a local file or an unlabelled body. */
final class ContentTypes {
    static final String RULE = "content-type";

    private static final Set<String> ACCEPTED = Set.of(
            "text/html",
            "application/xhtml+xml",
            "text/markdown",
            "application/json",
            "application/xml",
            "application/pdf",
            // gzip-compressed sitemaps (sitemap.xml.gz); the extractor says to decompress any other
            "application/gzip",
            "application/x-gzip");

    private static final Map<String, String> BY_EXTENSION = extensions();

    private ContentTypes() {}

    static boolean accepted(String mediaType) {
        return mediaType.startsWith("text/")
                || ACCEPTED.contains(mediaType)
                || (mediaType.startsWith("application/")
                        && (mediaType.endsWith("+json") || mediaType.endsWith("+xml")));
    }

    static Refusal refusal(String mediaType, String where) {
        return new Refusal(
                RULE,
                "refused: " + where + " is " + mediaType
                        + "; only HTML, XHTML, text, Markdown, JSON, XML and PDF are fetched");
    }

    /** The media type for a file name by its extension, if it is one the fetcher knows. */
    static Optional<String> ofFileName(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /** A media type for a body nobody labelled: PDF, HTML, XML, or plain text when it has no NUL bytes. */
    static Optional<String> sniff(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1)
                .stripLeading()
                .replace("\uFEFF", "")
                .toLowerCase(Locale.ROOT);
        if (head.startsWith("%pdf-")) {
            return Optional.of("application/pdf");
        }
        if (head.startsWith("<!doctype html") || head.startsWith("<html")) {
            return Optional.of("text/html");
        }
        if (head.startsWith("<?xml")) {
            return Optional.of("application/xml");
        }
        for (int i = 0; i < Math.min(body.length, 8192); i++) {
            if (body[i] == 0) {
                return Optional.empty();
            }
        }
        return Optional.of("text/plain");
    }

    private static Map<String, String> extensions() {
        Map<String, String> m = new java.util.HashMap<>();
        m.put("html", "text/html");
        m.put("htm", "text/html");
        m.put("xhtml", "application/xhtml+xml");
        m.put("md", "text/markdown");
        m.put("markdown", "text/markdown");
        m.put("json", "application/json");
        m.put("xml", "application/xml");
        m.put("pdf", "application/pdf");
        for (String text : new String[] {
            "txt",
            "text",
            "log",
            "csv",
            "tsv",
            "rst",
            "adoc",
            "tex",
            "org",
            "java",
            "kt",
            "kts",
            "scala",
            "groovy",
            "gradle",
            "py",
            "rb",
            "php",
            "pl",
            "lua",
            "r",
            "js",
            "mjs",
            "cjs",
            "ts",
            "tsx",
            "jsx",
            "go",
            "rs",
            "c",
            "h",
            "cc",
            "cpp",
            "cxx",
            "hpp",
            "cs",
            "swift",
            "m",
            "sh",
            "bash",
            "zsh",
            "fish",
            "ps1",
            "sql",
            "yaml",
            "yml",
            "toml",
            "ini",
            "cfg",
            "conf",
            "properties",
            "css",
            "scss",
            "proto",
            "graphql",
            "dockerfile"
        }) {
            m.put(text, "text/plain");
        }
        return Map.copyOf(m);
    }
}
