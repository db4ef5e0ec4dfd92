package dev.mcpweb.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The full evaluation on Trafilatura's own corpus (990 pages, segment-scored), with floors a little under
 * what the extractor reaches, so that a regression in precision or recall fails the build.
 */
@Tag("slow")
class TrafilaturaEvalTest {
    @Test
    void theTrafilaturaCorpusScoresAboveTheFloors() throws IOException {
        Path corpus = SharedData.dir("trafilatura-eval").orElse(null);
        Assumptions.assumeTrue(
                corpus != null,
                "trafilatura-eval corpus not found in ../shared/data beside the checkout (as in CI): skipping"
                        + " the extraction-precision regression test");

        SnippetReport report = new SnippetEval(ExtractionEval.defaultExtractor(), n -> true).run(corpus);

        assertThat(report.overall().pages()).isEqualTo(990);
        assertThat(report.overall().precision()).isGreaterThan(0.923);
        assertThat(report.overall().recall()).isGreaterThan(0.961);
        assertThat(report.overall().f1()).isGreaterThan(0.942);
    }
}
