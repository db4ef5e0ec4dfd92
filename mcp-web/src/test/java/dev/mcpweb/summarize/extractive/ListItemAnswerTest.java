package dev.mcpweb.summarize.extractive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.config.Config;
import dev.mcpweb.document.Document;
import dev.mcpweb.extract.Extractor;
import dev.mcpweb.fetch.FetchResult;
import dev.mcpweb.summarize.Summary;
import dev.mcpweb.summarize.SummaryListener;
import dev.mcpweb.summarize.SummaryRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A page as a user sees it, through the extract stage into the extractive summarizer. */
class ListItemAnswerTest {
    private static final String PAGE = """
            <html><head><title>What an app costs</title></head><body><article>
            <h1>What an app costs in 2026</h1>
            <p>Building an app is an investment, and what it costs depends on what it has to do, who builds
            it and how long it has to be maintained after it is launched.</p>
            <h2>Price ranges</h2>
            <p>These are the ranges our studio quotes for new projects, before maintenance:</p>
            <ul><li>Simple apps (a few screens, no back end):<br>$5,000 – $10,000</li>
            <li>Mid-level apps (custom UI, APIs, integrations):<br>$20,000 – $50,000</li>
            <li>Complex apps (real-time features, payments):<br>$80,000 and more</li></ul>
            <h2>Maintenance</h2>
            <p>Plan for updates every year: operating systems change, and so do the libraries an app uses.</p>
            </article></body></html>""";

    @Test
    void aPriceOnTheLineAfterItsLabelIsQuotedWithIt() throws Exception {
        Document doc = new Extractor(Config.defaults().extractor())
                .extract(FetchResult.ofBytes(
                        URI.create("https://example.org/app-costs"),
                        "text/html",
                        PAGE.getBytes(StandardCharsets.UTF_8)));

        Summary summary = new ExtractiveSummarizer()
                .summarize(
                        new SummaryRequest(
                                List.of(doc), Optional.of("How much does a mid-level app with APIs cost?"), 60),
                        SummaryListener.NONE);

        assertThat(summary.markdown()).contains("Mid-level apps (custom UI, APIs, integrations):");
        assertThat(summary.markdown().replaceAll("\\s+", " "))
                .contains("Mid-level apps (custom UI, APIs, integrations): $20,000 – $50,000");
    }
}
