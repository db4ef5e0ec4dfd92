package dev.mcpweb.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The full WCXB development-set evaluation, with floors a little under what the extractor reaches,
 * so that a regression in extraction quality fails the build.
 */
@Tag("slow")
class WcxbDevEvalTest {
    private static final Map<String, Double> TYPE_FLOORS = Map.of(
            "article", 0.953,
            "documentation", 0.935,
            "service", 0.840,
            "forum", 0.779,
            "listing", 0.738,
            "collection", 0.710,
            "product", 0.70);

    @Test
    void theDevCorpusScoresAboveTheFloors() throws IOException {
        Path dev = SharedData.dir("wcxb", "dev").orElse(null);
        Assumptions.assumeTrue(
                dev != null,
                "WCXB dev corpus not found in ../shared/data beside the checkout (as in CI): skipping the"
                        + " extraction-quality regression test");

        ExtractionReport report = new ExtractionEval(ExtractionEval.defaultExtractor()).run(dev);

        assertThat(report.overall().pages()).isGreaterThan(1000);
        assertThat(report.overall().f1()).isGreaterThan(0.874);
        TYPE_FLOORS.forEach((type, floor) ->
                assertThat(report.byType().get(type).f1()).as(type).isGreaterThan(floor));
        assertThat(report.withFound()).isGreaterThan(0.829);
        assertThat(report.withoutExcluded()).isGreaterThan(0.9445);
    }
}
