package dev.mcpweb.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.mcpweb.config.Config;
import dev.mcpweb.document.Document;
import dev.mcpweb.fetch.FetchResult;
import dev.mcpweb.hostile.HostilePages;
import dev.mcpweb.work.StopToken;
import dev.mcpweb.work.Stopped;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PDFs built to cost far more to read than their size: each is cut off by a budget the text names. */
class HostilePdfTest {
    private static Document read(Map<String, String> settings, byte[] pdf) {
        Extractor extractor = new Extractor(Config.defaults().with(settings).extractor());
        return assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> extractor.extract(
                        FetchResult.ofBytes(URI.create("https://example.com/hostile.pdf"), "application/pdf", pdf)));
    }

    @Test
    void aSmallStreamDrawnOnEveryPageStopsAtTheDecodedSizeBudget() throws IOException {
        byte[] pdf = HostilePages.amplifyingPdf(400, 16);
        assertThat(pdf.length).isLessThan(200_000);

        // The time budget is a wall clock; on a loaded machine it must not be what stops the reading here.
        Document d = read(Map.of("extractor.pdf_max_decoded_size", "32MB", "extractor.pdf_timeout", "10m"), pdf);

        assertThat(d.text())
                .startsWith("The opening page is read.")
                .contains("mcp-web stopped reading this PDF after page")
                .contains("of 401")
                .contains("extractor.pdf_max_decoded_size");
    }

    @Test
    void pagesBeyondTheLimitAreNotReadAndTheTextSaysSo() throws IOException {
        Document d = read(Map.of("extractor.pdf_max_pages", "2"), HostilePages.textPdf(5));

        assertThat(d.text())
                .contains("This is page number 2.")
                .doesNotContain("page number 3")
                .contains("after page 2 of 5")
                .contains("extractor.pdf_max_pages");
    }

    @Test
    void readingStopsBetweenPagesWhenTheTimeBudgetIsSpent() throws IOException {
        Document d = read(Map.of("extractor.pdf_timeout", "1ms"), HostilePages.amplifyingPdf(50, 4));

        assertThat(d.text()).startsWith("The opening page is read.").contains("extractor.pdf_timeout");
    }

    @Test
    void aPdfStopsWithinItsCpuBudgetAndWhenCancelledEvenInsideOnePage() {
        Extractor extractor = new Extractor(Config.defaults()
                .with(Map.of("extractor.pdf_max_decoded_size", "1GB", "extractor.pdf_timeout", "10m"))
                .extractor());
        FetchResult pdf = FetchResult.ofBytes(
                URI.create("https://example.com/hostile.pdf"), "application/pdf", HostilePages.amplifyingPdf(2, 16));

        // One page draws 16 MB of content: only checks inside the page can stop it early.
        StopToken budget = StopToken.none().withCpuBudget(Duration.ofMillis(50), "extraction", "extractor.max_cpu");
        assertThatThrownBy(() -> extractor.extract(pdf, budget))
                .isInstanceOfSatisfying(
                        Stopped.class, e -> assertThat(e.reason()).isEqualTo(Stopped.Reason.CPU_BUDGET))
                .hasMessageContaining("extractor.max_cpu");
        StopToken cancelled = StopToken.none();
        cancelled.cancel();
        assertThatThrownBy(() -> extractor.extract(pdf, cancelled))
                .isInstanceOfSatisfying(
                        Stopped.class, e -> assertThat(e.reason()).isEqualTo(Stopped.Reason.CANCELLED));
    }

    @Test
    void anOrdinaryPdfIsReadWhole() throws IOException {
        Document d = read(Map.of(), HostilePages.textPdf(3));
        assertThat(d.text()).contains("page number 1.", "page number 3.").doesNotContain("stopped reading");
    }
}
