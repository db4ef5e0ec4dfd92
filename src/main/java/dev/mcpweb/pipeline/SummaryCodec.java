package dev.mcpweb.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpweb.summarize.Summary;
import dev.mcpweb.summarize.SummaryStats;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A summary as cache bytes (JSON) and back; a cached summary reports no calls and mode {@code cached}. */
final class SummaryCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SummaryCodec() {}

    static byte[] encode(Summary s) {
        ObjectNode root = JSON.createObjectNode();
        root.put("markdown", s.markdown());
        var sources = root.putArray("sources");
        for (Summary.SourceRef r : s.sources()) {
            sources.addObject()
                    .put("number", r.number())
                    .put("title", r.title())
                    .put("url", r.url());
        }
        var warnings = root.putArray("warnings");
        s.warnings().forEach(warnings::add);
        root.put("provider", s.stats().provider())
                .put("model", s.stats().model())
                .put("chunks", s.stats().chunks());
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a summary", e);
        }
    }

    /** The summary in {@code bytes}, or empty when they are not one (an old or damaged entry is a miss). */
    static Optional<Summary> decode(byte[] bytes) {
        try {
            JsonNode root = JSON.readTree(bytes);
            List<Summary.SourceRef> sources = new ArrayList<>();
            for (JsonNode r : root.path("sources")) {
                sources.add(new Summary.SourceRef(
                        r.path("number").asInt(),
                        r.path("title").asText(),
                        r.path("url").asText()));
            }
            List<String> warnings = new ArrayList<>();
            root.path("warnings").forEach(w -> warnings.add(w.asText()));
            SummaryStats stats = new SummaryStats(
                    root.path("provider").asText(),
                    root.path("model").asText(),
                    "cached",
                    root.path("chunks").asInt(),
                    0,
                    0,
                    0,
                    0,
                    Duration.ZERO);
            if (!root.path("markdown").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new Summary(root.path("markdown").asText(), sources, stats, warnings));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
