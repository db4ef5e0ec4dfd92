package dev.mcpweb.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.mcpweb.pipeline.RenderNote;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one way results become JSON: snake_case keys (the MCP convention), absent optional fields left
 * out, enums by their lower-case names. The CLI prints what this writes; the MCP tools hand the same
 * tree to the client as {@code structuredContent}.
 */
public final class ResultJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_ABSENT)
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING);

    /** Leaves the writer it writes to open, for the lines that follow. */
    private static final ObjectWriter LINES = MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private ResultJson() {}

    /** {@code result} as one line of JSON. */
    public static String line(Record result) {
        try {
            return MAPPER.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code result} as one line of JSON, written to {@code out} without its line break: no string of the
     * whole line (a page's text and Markdown) is made on the way. A {@link DocumentResult}, one per page of
     * {@code extract --jsonl}, is written field by field in the order and with the escaping the mapper
     * uses, since the mapper's reflective bean serialization was most of the line's time in the CLI's C1
     * code ({@code ResultJsonTest} compares the two).
     */
    public static void writeLine(Record result, Writer out) {
        try {
            if (result instanceof DocumentResult document) {
                try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
                    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    write(document, json);
                }
            } else {
                LINES.writeValue(out, result);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As the mapper writes it: record components in order, snake_case keys, absent and null values left out. */
    private static void write(DocumentResult d, JsonGenerator json) throws IOException {
        json.writeStartObject();
        string(json, "source", d.source());
        string(json, "url", d.url());
        string(json, "title", d.title());
        if (d.metadata().isPresent()) {
            json.writeFieldName("metadata");
            write(d.metadata().get(), json);
        }
        string(json, "text", d.text());
        string(json, "markdown", d.markdown());
        links(json, "links", d.links());
        links(json, "page_links", d.pageLinks());
        string(json, "error", d.error());
        if (d.render().isPresent()) {
            RenderNote render = d.render().get();
            json.writeFieldName("render");
            json.writeStartObject();
            json.writeBooleanField("rendered", render.rendered());
            string(json, "signal", render.signal());
            string(json, "reason", render.reason());
            json.writeEndObject();
        }
        strings(json, "warnings", d.warnings());
        json.writeEndObject();
    }

    private static void write(MetadataResult m, JsonGenerator json) throws IOException {
        json.writeStartObject();
        strings(json, "authors", m.authors());
        string(json, "published", m.published());
        string(json, "modified", m.modified());
        string(json, "site_name", m.siteName());
        string(json, "description", m.description());
        string(json, "language", m.language());
        string(json, "canonical_url", m.canonicalUrl());
        if (m.product().isPresent()) {
            ProductResult p = m.product().get();
            json.writeFieldName("product");
            json.writeStartObject();
            string(json, "name", p.name());
            string(json, "brand", p.brand());
            string(json, "price", p.price());
            string(json, "availability", p.availability());
            string(json, "rating", p.rating());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void string(JsonGenerator json, String key, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(key, value.get());
        }
    }

    private static void string(JsonGenerator json, String key, String value) throws IOException {
        if (value != null) {
            json.writeStringField(key, value);
        }
    }

    private static void strings(JsonGenerator json, String key, List<String> values) throws IOException {
        json.writeArrayFieldStart(key);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static void links(JsonGenerator json, String key, List<DocumentResult.Link> links) throws IOException {
        json.writeArrayFieldStart(key);
        for (DocumentResult.Link link : links) {
            json.writeStartObject();
            string(json, "url", link.url());
            string(json, "text", link.text());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** {@code result} as indented JSON, for people. */
    public static String pretty(Record result) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code result} as the JSON object tree an MCP {@code structuredContent} carries. */
    public static Map<String, Object> tree(Record result) {
        return MAPPER.convertValue(result, new TypeReference<Map<String, Object>>() {});
    }

    /** The snake_case key of a record component named {@code javaName}. */
    static String key(String javaName) {
        return ((PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE).translate(javaName);
    }
}
