package dev.mcpweb.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpweb.cache.TieredCache;
import dev.mcpweb.summarize.SourceList;
import dev.mcpweb.summarize.Summary;
import dev.mcpweb.summarize.SummaryStats;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A finished summary as cache bytes (JSON) and back. Only the body is stored, not its source list: the
 * entry is found by content, so the sources are those of the request that reads it, and the list is
 * rendered again from them. A cached summary reports no calls and mode {@code cached}.
 */
final class SummaryCodec {
    /** The layout of an entry; part of the summary cache key. */
    static final String FORMAT = "2";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SummaryCodec() {}

    /**
     * Summaries citing {@code sources}, as the cache's {@code summary} namespace holds them: only a
     * complete summary is stored, not one with warnings (a section missing, input cut).
     */
    static Citing citing(List<Summary.SourceRef> sources) {
        return new Citing(sources);
    }

    record Citing(List<Summary.SourceRef> sources) implements TieredCache.Codec<Summary> {
        @Override
        public Optional<Summary> decode(byte[] bytes) {
            return SummaryCodec.decode(bytes, sources);
        }

        @Override
        public Optional<byte[]> encode(Summary s) {
            return s.warnings().isEmpty() ? SummaryCodec.encode(s) : Optional.empty();
        }

        /** {@code s}, made for another request with the same content, as if read from the cache for this one. */
        Summary asStored(Summary s) {
            return SummaryCodec.encode(s)
                    .flatMap(this::decode)
                    .map(stored -> new Summary(stored.markdown(), stored.sources(), stored.stats(), s.warnings()))
                    .orElse(s);
        }
    }

    /** The entry for {@code s}, or empty when its Markdown does not end with its own source list. */
    static Optional<byte[]> encode(Summary s) {
        Optional<String> body = SourceList.body(s);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("body", body.get());
        root.put("sources", s.sources().size());
        root.put("provider", s.stats().provider())
                .put("model", s.stats().model())
                .put("chunks", s.stats().chunks());
        try {
            return Optional.of(JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a summary", e);
        }
    }

    /**
     * The summary in {@code bytes}, citing {@code sources}; empty when the bytes are not a summary of that
     * many sources (an old or damaged entry is a miss).
     */
    static Optional<Summary> decode(byte[] bytes, List<Summary.SourceRef> sources) {
        try {
            JsonNode root = JSON.readTree(bytes);
            if (!root.path("body").isTextual() || root.path("sources").asInt(-1) != sources.size()) {
                return Optional.empty();
            }
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
            String markdown = root.path("body").asText() + SourceList.render(sources);
            return Optional.of(new Summary(markdown, sources, stats, List.of()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
