package dev.mcpweb.summarize.extractive;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import dev.mcpweb.document.Document;
import dev.mcpweb.summarize.Summary;
import dev.mcpweb.summarize.SummaryListener;
import dev.mcpweb.summarize.SummaryRequest;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to summarize one page of about 10,000 cl100k tokens (headings, paragraphs, lists, a table and
 * code) on one thread, for a query and without one. Run: {@code bin/jmh ExtractiveSummarizerBenchmark
 * -f 1 -wi 3 -i 5}; the figure to read is the median (p0.50) of the sample-time mode.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExtractiveSummarizerBenchmark {
    @Param({"query", "general"})
    public String mode;

    private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer();
    private SummaryRequest request;

    private static final String[] WORDS = ("harbour ferry island market bread museum history wall tower canal merchant "
                    + "wool herring boat festival summer winter weather rain wind fog cliff path beach puffin nest "
                    + "lifeguard ticket pier crossing station bicycle bus road town street bakery kitchen restaurant "
                    + "cathedral bell gate raid pirate century trade visitor season jacket map model room trader "
                    + "lantern music race weekend evening morning minute hour day week month year price cost euro "
                    + "guide route schedule service engine crew cargo storm tide light keeper lighthouse garden "
                    + "square fountain statue bridge river valley hill forest farm mill barn harvest grain flour "
                    + "oven loaf dough starter water salt butter cheese milk cream cake pie soup fish net rope "
                    + "sail mast deck anchor hull repair shipyard carpenter smith tool hammer nail plank paint")
            .split(" ");
    private static final String[] GLUE =
            "the a of to in and on for with at from by is are was were has had will can".split(" ");

    @Setup(Level.Trial)
    public void buildPage() {
        Random random = new Random(42);
        StringBuilder md = new StringBuilder("# A long guide to the coast\n\n");
        int section = 0;
        while (tokens(md) < 10_000) {
            md.append("## Section ")
                    .append(++section)
                    .append(' ')
                    .append(word(random))
                    .append("\n\n");
            for (int p = 0; p < 4; p++) {
                for (int s = 0; s < 5; s++) {
                    md.append(sentence(random)).append(' ');
                }
                md.append("\n\n");
            }
            if (section % 3 == 0) {
                for (int i = 0; i < 5; i++) {
                    md.append("- ").append(sentence(random)).append('\n');
                }
                md.append('\n');
            }
            if (section % 5 == 0) {
                md.append("| Item | Price | Hours |\n| --- | --- | --- |\n");
                for (int i = 0; i < 4; i++) {
                    md.append("| ")
                            .append(word(random))
                            .append(" | ")
                            .append(random.nextInt(90) + 10)
                            .append(" euro | ")
                            .append(random.nextInt(12) + 1)
                            .append(" |\n");
                }
                md.append('\n');
            }
            if (section % 7 == 0) {
                md.append("```\nset ")
                        .append(word(random))
                        .append(".limit = ")
                        .append(random.nextInt(100))
                        .append("\nrun ")
                        .append(word(random))
                        .append(" --fast\n```\n\n");
            }
        }
        Document page =
                ExtractiveSummarizerTest.doc("https://example.org/coast", "A long guide to the coast", md.toString());
        Optional<String> query = mode.equals("query")
                ? Optional.of("How often does the ferry to the island leave, and what does a ticket cost?")
                : Optional.empty();
        request = new SummaryRequest(java.util.List.of(page), query, 150);
    }

    private static int tokens(CharSequence text) {
        return Encodings.newDefaultEncodingRegistry()
                .getEncoding(EncodingType.CL100K_BASE)
                .countTokens(text.toString());
    }

    private static String word(Random random) {
        return WORDS[(int) Math.floor(Math.pow(random.nextDouble(), 1.6) * WORDS.length)];
    }

    private static String sentence(Random random) {
        StringBuilder s = new StringBuilder();
        int length = 8 + random.nextInt(18);
        for (int i = 0; i < length; i++) {
            String w = i % 3 == 1 ? GLUE[random.nextInt(GLUE.length)] : word(random);
            s.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w)
                    .append(i + 1 < length ? " " : "");
            if (random.nextInt(40) == 0) {
                s.append(random.nextInt(500)).append(' ');
            }
        }
        return s.append('.').toString();
    }

    @Benchmark
    public Summary summarize() {
        return summarizer.summarize(request, SummaryListener.NONE);
    }
}
