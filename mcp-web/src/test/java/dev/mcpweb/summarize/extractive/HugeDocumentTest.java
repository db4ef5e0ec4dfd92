package dev.mcpweb.summarize.extractive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.document.Document;
import dev.mcpweb.hostile.HostilePages;
import dev.mcpweb.summarize.Summary;
import dev.mcpweb.summarize.SummaryListener;
import dev.mcpweb.summarize.SummaryRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A text page just under the 10 MB fetch limit is summarized within the 512 MB heap of the stage, in
 * a child JVM so the heap bound is real (it used to need 6.4 GB and die in LexRank).
 */
@Tag("slow")
class HugeDocumentTest {
    static final int MEGABYTES = 9;

    @Test
    void aNineMegabyteTextIsSummarizedWithinHalfAGigabyteOfHeap(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        HugeDocumentTest.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean done = child.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            child.destroyForcibly();
        }
        String output = java.nio.file.Files.readString(log);
        assertThat(done).as("finished within 120 s: %s", output).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("summarized 9 MB");
    }

    /** The child: summarizes the page with and without a query and reports the time. */
    public static void main(String[] args) throws IOException {
        String text = HostilePages.naturalText(MEGABYTES << 20, 1);
        Document page = ExtractiveSummarizerTest.doc("https://example.org/huge.txt", "Huge", text);
        long start = System.nanoTime();
        ExtractiveSummarizer summarizer = new ExtractiveSummarizer();
        for (Optional<String> query : List.of(Optional.<String>empty(), Optional.of("what does the harbour cost"))) {
            Summary summary = summarizer.summarize(new SummaryRequest(List.of(page), query, 200), SummaryListener.NONE);
            if (summary.stats().outputTokens() == 0 || summary.stats().outputTokens() > 200) {
                throw new IllegalStateException("quoted " + summary.stats().outputTokens() + " words");
            }
        }
        System.out.printf("summarized %d MB twice in %.1f s%n", MEGABYTES, (System.nanoTime() - start) / 1e9);
    }
}
