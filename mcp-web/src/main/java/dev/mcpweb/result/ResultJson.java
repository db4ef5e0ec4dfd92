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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

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
     * whole line (a page's text and Markdown) is made on the way.
     */
    public static void writeLine(Record result, Writer out) {
        try {
            LINES.writeValue(out, result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
