package dev.mcpweb.extract;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what a body is from its magic bytes, its declared content type and its file extension, in
 * that order of trust, and refuses binary data (images, archives, executables, media, fonts, or
 * anything with NUL or many control bytes) with a message that names what it looks like.
 */
final class FormatSniffer {
    /** What the extractor will read the body as; {@code language} is set for source code only. */
    record Format(Kind kind, String language) {}

    enum Kind {
        HTML,
        PDF,
        MARKDOWN,
        TEXT,
        SOURCE,
        JSON
    }

    private record Magic(int offset, byte[] bytes, String name) {
        Magic(int offset, String hex, String name) {
            this(offset, hex(hex), name);
        }

        boolean matches(byte[] body) {
            if (body.length < offset + bytes.length) {
                return false;
            }
            for (int i = 0; i < bytes.length; i++) {
                if (body[offset + i] != bytes[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final int SNIFF_BYTES = 8192;

    private static final List<Magic> BINARY = List.of(
            new Magic(0, "89504E470D0A1A0A", "a PNG image"),
            new Magic(0, "FFD8FF", "a JPEG image"),
            new Magic(0, "474946383761", "a GIF image"),
            new Magic(0, "474946383961", "a GIF image"),
            new Magic(4, "66747970", "an MP4/QuickTime/HEIF media file"),
            new Magic(0, "00000100", "an icon"),
            new Magic(0, "49492A00", "a TIFF image"),
            new Magic(0, "4D4D002A", "a TIFF image"),
            new Magic(0, "38425053", "a Photoshop image"),
            new Magic(0, "504B0304", "a ZIP archive (or an Office/EPUB/JAR file)"),
            new Magic(0, "504B0506", "a ZIP archive"),
            new Magic(0, "1F8B", "gzip-compressed data (decompress it first)"),
            new Magic(0, "425A68", "bzip2-compressed data"),
            new Magic(0, "FD377A585A00", "xz-compressed data"),
            new Magic(0, "28B52FFD", "zstd-compressed data"),
            new Magic(0, "377ABCAF271C", "a 7-Zip archive"),
            new Magic(0, "526172211A07", "a RAR archive"),
            new Magic(0, "7F454C46", "an ELF executable"),
            new Magic(0, "CAFEBABE", "a Java class file or Mach-O executable"),
            new Magic(0, "FEEDFACE", "a Mach-O executable"),
            new Magic(0, "FEEDFACF", "a Mach-O executable"),
            new Magic(0, "CEFAEDFE", "a Mach-O executable"),
            new Magic(0, "CFFAEDFE", "a Mach-O executable"),
            new Magic(0, "0061736D", "a WebAssembly module"),
            new Magic(0, "D0CF11E0A1B11AE1", "an old Microsoft Office document"),
            new Magic(0, "53514C69746520666F726D6174203300", "an SQLite database"),
            new Magic(0, "4F676753", "an Ogg media file"),
            new Magic(0, "664C6143", "a FLAC audio file"),
            new Magic(0, "1A45DFA3", "a Matroska/WebM video"),
            new Magic(0, "774F4646", "a WOFF font"),
            new Magic(0, "774F4632", "a WOFF2 font"),
            new Magic(0, "00010000", "a TrueType font"));

    private static final Set<String> HTML_TYPES =
            Set.of("text/html", "application/xhtml+xml", "application/vnd.wap.xhtml+xml");
    private static final Set<String> MARKDOWN_TYPES = Set.of("text/markdown", "text/x-markdown");
    private static final Set<String> UNTYPED = Set.of(
            "",
            "application/octet-stream",
            "binary/octet-stream",
            "application/unknown",
            "text/plain",
            "application/x-unknown",
            "unknown/unknown");

    private static final Map<String, String> LANGUAGES = Map.ofEntries(
            Map.entry("java", "java"),
            Map.entry("kt", "kotlin"),
            Map.entry("kts", "kotlin"),
            Map.entry("scala", "scala"),
            Map.entry("groovy", "groovy"),
            Map.entry("gradle", "groovy"),
            Map.entry("py", "python"),
            Map.entry("pyi", "python"),
            Map.entry("rb", "ruby"),
            Map.entry("js", "javascript"),
            Map.entry("mjs", "javascript"),
            Map.entry("cjs", "javascript"),
            Map.entry("jsx", "jsx"),
            Map.entry("ts", "typescript"),
            Map.entry("tsx", "tsx"),
            Map.entry("go", "go"),
            Map.entry("rs", "rust"),
            Map.entry("c", "c"),
            Map.entry("h", "c"),
            Map.entry("cc", "cpp"),
            Map.entry("cpp", "cpp"),
            Map.entry("cxx", "cpp"),
            Map.entry("hpp", "cpp"),
            Map.entry("hh", "cpp"),
            Map.entry("cs", "csharp"),
            Map.entry("swift", "swift"),
            Map.entry("m", "objectivec"),
            Map.entry("php", "php"),
            Map.entry("pl", "perl"),
            Map.entry("pm", "perl"),
            Map.entry("sh", "bash"),
            Map.entry("bash", "bash"),
            Map.entry("zsh", "bash"),
            Map.entry("fish", "fish"),
            Map.entry("ps1", "powershell"),
            Map.entry("bat", "batch"),
            Map.entry("cmd", "batch"),
            Map.entry("sql", "sql"),
            Map.entry("r", "r"),
            Map.entry("lua", "lua"),
            Map.entry("dart", "dart"),
            Map.entry("ex", "elixir"),
            Map.entry("exs", "elixir"),
            Map.entry("erl", "erlang"),
            Map.entry("hs", "haskell"),
            Map.entry("ml", "ocaml"),
            Map.entry("clj", "clojure"),
            Map.entry("fs", "fsharp"),
            Map.entry("vb", "vbnet"),
            Map.entry("jl", "julia"),
            Map.entry("zig", "zig"),
            Map.entry("nim", "nim"),
            Map.entry("f90", "fortran"),
            Map.entry("css", "css"),
            Map.entry("scss", "scss"),
            Map.entry("less", "less"),
            Map.entry("yaml", "yaml"),
            Map.entry("yml", "yaml"),
            Map.entry("toml", "toml"),
            Map.entry("ini", "ini"),
            Map.entry("cfg", "ini"),
            Map.entry("properties", "properties"),
            Map.entry("xml", "xml"),
            Map.entry("xsd", "xml"),
            Map.entry("xsl", "xml"),
            Map.entry("pom", "xml"),
            Map.entry("svg", "xml"),
            Map.entry("proto", "protobuf"),
            Map.entry("graphql", "graphql"),
            Map.entry("gql", "graphql"),
            Map.entry("vue", "vue"),
            Map.entry("svelte", "svelte"),
            Map.entry("tf", "hcl"),
            Map.entry("hcl", "hcl"),
            Map.entry("diff", "diff"),
            Map.entry("patch", "diff"),
            Map.entry("cmake", "cmake"),
            Map.entry("dockerfile", "dockerfile"),
            Map.entry("makefile", "makefile"),
            Map.entry("mk", "makefile"),
            Map.entry("tex", "latex"),
            Map.entry("el", "elisp"),
            Map.entry("vim", "vim"));
    private static final Map<String, String> SOURCE_TYPES = Map.ofEntries(
            Map.entry("application/javascript", "javascript"),
            Map.entry("text/javascript", "javascript"),
            Map.entry("application/x-javascript", "javascript"),
            Map.entry("text/css", "css"),
            Map.entry("text/x-python", "python"),
            Map.entry("application/x-python", "python"),
            Map.entry("text/x-java-source", "java"),
            Map.entry("text/x-java", "java"),
            Map.entry("text/x-c", "c"),
            Map.entry("text/x-c++", "cpp"),
            Map.entry("text/x-shellscript", "bash"),
            Map.entry("application/x-sh", "bash"),
            Map.entry("application/xml", "xml"),
            Map.entry("text/xml", "xml"),
            Map.entry("application/rss+xml", "xml"),
            Map.entry("application/atom+xml", "xml"),
            Map.entry("application/x-yaml", "yaml"),
            Map.entry("application/yaml", "yaml"),
            Map.entry("text/yaml", "yaml"),
            Map.entry("application/toml", "toml"),
            Map.entry("application/sql", "sql"),
            Map.entry("text/x-go", "go"),
            Map.entry("text/x-rust", "rust"));

    private FormatSniffer() {}

    static Format sniff(URI url, String contentType, byte[] body) throws ExtractionException {
        String type = contentType == null ? "" : contentType.strip().toLowerCase(Locale.ROOT);
        String extension = extension(url);
        if (startsWithPdf(body)) {
            return new Format(Kind.PDF, "");
        }
        for (Magic magic : BINARY) {
            if (magic.matches(body)) {
                throw new ExtractionException("unsupported binary content: this looks like " + magic.name()
                        + (type.isEmpty() ? "" : " (declared as " + type + ")")
                        + "; mcp-web reads HTML, PDF, text, Markdown, source code and JSON");
            }
        }
        if (type.equals("application/pdf")) {
            return new Format(Kind.PDF, ""); // PDFBox says what is wrong with it
        }
        refuseBinary(body, type);
        if (HTML_TYPES.contains(type)) {
            return new Format(Kind.HTML, "");
        }
        if (MARKDOWN_TYPES.contains(type)) {
            return new Format(Kind.MARKDOWN, "");
        }
        if (type.equals("application/json") || type.endsWith("+json") || type.equals("text/json")) {
            return new Format(Kind.JSON, "");
        }
        boolean xml = type.endsWith("+xml") || type.equals("application/xml") || type.equals("text/xml");
        if (xml && looksLikeMarkup(body)) {
            return new Format(Kind.HTML, ""); // XHTML served as XML
        }
        if (SOURCE_TYPES.containsKey(type)) {
            return new Format(Kind.SOURCE, LANGUAGES.getOrDefault(extension, SOURCE_TYPES.get(type)));
        }
        if (type.startsWith("image/")
                || type.startsWith("audio/")
                || type.startsWith("video/")
                || type.startsWith("font/")) {
            throw new ExtractionException("unsupported content type " + type
                    + "; mcp-web reads HTML, PDF, text, Markdown, source code and JSON");
        }
        if (!UNTYPED.contains(type) && !type.startsWith("text/")) {
            throw new ExtractionException("unsupported content type " + type
                    + "; mcp-web reads HTML, PDF, text, Markdown, source code and JSON");
        }
        return byExtensionOrContent(type, extension, body);
    }

    private static Format byExtensionOrContent(String type, String extension, byte[] body) {
        switch (extension) {
            case "md", "markdown", "mdown", "mkd", "mdx" -> {
                return new Format(Kind.MARKDOWN, "");
            }
            case "json", "jsonl", "ndjson", "geojson", "jsonld", "webmanifest" -> {
                return new Format(Kind.JSON, "");
            }
            case "html", "htm", "xhtml", "shtml" -> {
                return new Format(type.equals("text/plain") ? Kind.TEXT : Kind.HTML, "");
            }
            case "txt", "text", "log", "csv", "tsv", "rst", "adoc", "org" -> {
                return new Format(Kind.TEXT, "");
            }
            default -> {}
        }
        if (LANGUAGES.containsKey(extension)) {
            return new Format(Kind.SOURCE, LANGUAGES.get(extension));
        }
        if (!type.equals("text/plain") && looksLikeMarkup(body)) {
            return new Format(Kind.HTML, "");
        }
        return new Format(Kind.TEXT, "");
    }

    /** The lower-case extension of the URL's last path segment ("dockerfile" for a Dockerfile), ignoring a final ".gz". */
    static String extension(URI url) {
        String path = Optional.ofNullable(url.getPath()).orElse("").toLowerCase(Locale.ROOT);
        if (path.endsWith(".gz")) {
            path = path.substring(0, path.length() - 3);
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.equals("dockerfile") || name.equals("makefile")) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    private static boolean startsWithPdf(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1);
        return head.startsWith("%PDF-") || head.stripLeading().startsWith("%PDF-");
    }

    /** An HTML document starts with a doctype, an {@code <html>} or {@code <head>} tag, possibly after a BOM, comments or whitespace. */
    private static boolean looksLikeMarkup(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1)
                .replace("\u00EF\u00BB\u00BF", "")
                .replaceAll("(?s)<!--.*?-->", "")
                .replaceAll("(?s)<\\?xml.*?\\?>", "")
                .stripLeading()
                .toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html")
                || head.startsWith("<html")
                || head.startsWith("<head")
                || head.startsWith("<body");
    }

    /** Text has no NUL bytes (unless it is UTF-16) and few control bytes. */
    private static void refuseBinary(byte[] body, String type) throws ExtractionException {
        int n = Math.min(body.length, SNIFF_BYTES);
        boolean utf16 = n >= 2
                && (((body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE)
                        || ((body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF));
        int nul = 0;
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = body[i] & 0xFF;
            if (b == 0) {
                nul++;
            } else if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B) {
                control++;
            }
        }
        boolean nulPattern =
                nul > 0 && !utf16 && EncodingDetector.looksLikeUtf16(body).isEmpty();
        if (nulPattern || control * 20 > n) {
            throw new ExtractionException("unsupported binary content"
                    + (type.isEmpty() ? "" : " (declared as " + type + ")") + ": " + nul + " NUL and " + control
                    + " control bytes in the first " + n + " bytes; mcp-web reads HTML, PDF, text, Markdown,"
                    + " source code and JSON");
        }
    }

    private static byte[] hex(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
