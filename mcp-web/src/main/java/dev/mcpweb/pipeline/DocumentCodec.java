package dev.mcpweb.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpweb.cache.TieredCache;
import dev.mcpweb.document.Document;
import dev.mcpweb.document.Metadata;
import dev.mcpweb.extract.Extraction;
import dev.mcpweb.extract.RenderSignal;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An extracted document as cache bytes and back: compact JSON with one-letter fields, links as
 * {@code [url, text]} or {@code [url, text, title]} arrays, code blocks and product facts as two-element
 * arrays, absent metadata left out.
 */
final class DocumentCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Extractions in the cache's {@code extract} namespace: the document and its render signal ({@code rs}),
     * encoded where they were made ({@link Encoded#of}, on the CPU pool); those read back carry no bytes and
     * are not stored again.
     */
    static final TieredCache.Codec<Encoded<Extraction>> EXTRACTION = TieredCache.Codec.of(
            bytes -> decodeExtraction(bytes).map(e -> new Encoded<>(e, Optional.empty())), Encoded::bytes);

    /** A value and, when it was just made, its bytes for the cache. */
    record Encoded<T>(T value, Optional<byte[]> bytes) {
        static Encoded<Extraction> of(Extraction extraction) {
            return new Encoded<>(extraction, Optional.of(encode(extraction)));
        }
    }

    private DocumentCodec() {}

    static byte[] encode(Document d) {
        return bytes(tree(d));
    }

    static byte[] encode(Extraction e) {
        ObjectNode root = tree(e.document());
        e.renderSignal().ifPresent(s -> root.putArray("rs").add(s.kind().name()).add(s.detail()));
        return bytes(root);
    }

    private static byte[] bytes(ObjectNode root) {
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a document", e);
        }
    }

    private static ObjectNode tree(Document d) {
        ObjectNode root = JSON.createObjectNode();
        root.put("u", d.url().toString());
        Metadata m = d.metadata();
        ObjectNode meta = root.putObject("m");
        m.title().ifPresent(v -> meta.put("t", v));
        ArrayNode authors = meta.putArray("a");
        m.authors().forEach(authors::add);
        m.published().ifPresent(v -> meta.put("p", v));
        m.modified().ifPresent(v -> meta.put("d", v));
        m.siteName().ifPresent(v -> meta.put("s", v));
        m.description().ifPresent(v -> meta.put("e", v));
        m.language().ifPresent(v -> meta.put("l", v));
        m.canonicalUrl().ifPresent(v -> meta.put("c", v.toString()));
        if (!m.productFacts().isEmpty()) {
            ArrayNode facts = meta.putArray("f");
            m.productFacts().forEach(f -> facts.addArray().add(f.kind().name()).add(f.value()));
        }
        root.put("md", d.markdown());
        root.put("tx", d.text());
        links(root.putArray("cl"), d.contentLinks());
        links(root.putArray("pl"), d.pageLinks());
        ArrayNode code = root.putArray("cb");
        for (Document.CodeBlock b : d.codeBlocks()) {
            code.addArray().add(b.language()).add(b.code());
        }
        return root;
    }

    private static void links(ArrayNode into, List<Document.Link> links) {
        for (Document.Link l : links) {
            ArrayNode link = into.addArray().add(l.url().toString()).add(l.text());
            l.title().ifPresent(link::add);
        }
    }

    static Optional<Extraction> decodeExtraction(byte[] bytes) {
        try {
            JsonNode root = JSON.readTree(bytes);
            JsonNode rs = root.path("rs");
            Optional<RenderSignal> signal = rs.isArray()
                    ? Optional.of(new RenderSignal(
                            RenderSignal.Kind.valueOf(rs.path(0).asText()),
                            rs.path(1).asText()))
                    : Optional.empty();
            return document(root).map(d -> new Extraction(d, signal));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The document in {@code bytes}, or empty when they are not one (an old or damaged entry is a miss). */
    static Optional<Document> decode(byte[] bytes) {
        try {
            return document(JSON.readTree(bytes));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Document> document(JsonNode root) {
        try {
            JsonNode meta = root.path("m");
            if (!root.path("md").isTextual() || !root.path("tx").isTextual() || !meta.isObject()) {
                return Optional.empty();
            }
            List<String> authors = new ArrayList<>();
            meta.path("a").forEach(a -> authors.add(a.asText()));
            Metadata metadata = new Metadata(
                    text(meta, "t"),
                    authors,
                    text(meta, "p"),
                    text(meta, "d"),
                    text(meta, "s"),
                    text(meta, "e"),
                    text(meta, "l"),
                    text(meta, "c").map(URI::create),
                    productFacts(meta.path("f")));
            List<Document.CodeBlock> code = new ArrayList<>();
            for (JsonNode b : root.path("cb")) {
                code.add(new Document.CodeBlock(b.path(0).asText(), b.path(1).asText()));
            }
            return Optional.of(new Document(
                    URI.create(root.path("u").asText()),
                    metadata,
                    root.path("md").asText(),
                    root.path("tx").asText(),
                    links(root.path("cl")),
                    links(root.path("pl")),
                    code));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<Metadata.ProductFact> productFacts(JsonNode array) {
        List<Metadata.ProductFact> facts = new ArrayList<>();
        for (JsonNode f : array) {
            facts.add(new Metadata.ProductFact(
                    Metadata.ProductFact.Kind.valueOf(f.path(0).asText()),
                    f.path(1).asText()));
        }
        return facts;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() ? Optional.empty() : Optional.of(v.asText());
    }

    private static List<Document.Link> links(JsonNode array) {
        List<Document.Link> links = new ArrayList<>();
        for (JsonNode l : array) {
            JsonNode title = l.path(2);
            links.add(new Document.Link(
                    URI.create(l.path(0).asText()),
                    l.path(1).asText(),
                    title.isTextual() ? Optional.of(title.asText()) : Optional.empty()));
        }
        return links;
    }
}
