package dev.mcpweb.chunk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.mcpweb.config.ChunkerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Chunking a document of about 100,000 cl100k tokens of real page text (the ground-truth main content
 * of the WCXB pages, joined as sections), and counting its tokens once for comparison. Run with
 * {@code bin/jmh ChunkerBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ChunkerBenchmark {
    static final Encoding TOKENS = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    static final Path CORPUS = Path.of("/work/shared/data/wcxb/dev/ground-truth");

    @Param({"hierarchical", "fixed", "adaptive"})
    public String strategy;

    private String markdown;
    private Chunker chunker;

    @Setup
    public void setUp() throws IOException {
        markdown = corpus(100_000);
        chunker = new Chunker(new ChunkerConfig(strategy, 0, 64), TOKENS::countTokensOrdinary);
    }

    /** About {@code tokens} tokens of real text: each page's main content under its title as a heading. */
    static String corpus(int tokens) throws IOException {
        ObjectMapper json = new ObjectMapper();
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(CORPUS).sorted()) {
            for (Path file : files.toList()) {
                JsonNode truth = json.readTree(file.toFile()).path("ground_truth");
                String text = truth.path("main_content").asText("");
                if (text.isBlank()) {
                    continue;
                }
                sb.append("## ")
                        .append(truth.path("title").asText(file.getFileName().toString()))
                        .append("\n\n");
                sb.append(text.strip()).append("\n\n");
                if (TOKENS.countTokensOrdinary(sb.toString()) >= tokens) {
                    break;
                }
            }
        }
        return sb.toString();
    }

    @Benchmark
    public List<Chunk> chunk100kTokensInto512TokenChunks() {
        return chunker.chunk(markdown, 1, 0, 512);
    }

    @Benchmark
    public int countTokensOnce() {
        return TOKENS.countTokensOrdinary(markdown);
    }
}
