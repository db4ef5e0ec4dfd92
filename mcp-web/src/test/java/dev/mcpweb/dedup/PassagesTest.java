package dev.mcpweb.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.config.Config;
import dev.mcpweb.document.Document;
import dev.mcpweb.document.Metadata;
import dev.mcpweb.pipeline.Pipeline;
import dev.mcpweb.summarize.Summary;
import dev.mcpweb.summarize.SummaryListener;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A paragraph several sources repeat is used once, in the first source that has it. */
class PassagesTest {
    private static final String DISCLAIMER = "The harbour trust accepts no liability for decisions taken on the"
            + " strength of these tide tables, which are estimates published for general guidance only.";

    @TempDir
    Path cacheDir;

    @Test
    void aRepeatedParagraphStaysInTheFirstSourceOnlyAndShortOnesAreLeftAlone() {
        Document first = page("a", "Tides at the north quay turn an hour before the south quay in spring.", DISCLAIMER);
        Document second = page(
                "b",
                "Share this",
                "The ferry waits for the flood tide before it leaves the harbour at the weekend in winter.",
                "**" + DISCLAIMER.toUpperCase() + "**");
        Document third = page("c", "Share this", "Boats moor on the east wall when the gales come from the west.");

        Passages.Once once = Passages.among(List.of(first, second, third));

        assertThat(once.removed()).isEqualTo(1);
        assertThat(once.documents().get(0).text()).contains(DISCLAIMER);
        assertThat(once.documents().get(1).text().toLowerCase()).doesNotContain("accepts no liability");
        assertThat(once.documents().get(1).markdown().toLowerCase()).doesNotContain("accepts no liability");
        assertThat(once.documents().get(1).text()).contains("Share this").contains("ferry waits");
        assertThat(once.documents().get(2)).isSameAs(third);
    }

    @Test
    void aMultiSourceSummaryCitesARepeatedPassageToTheFirstSourceOnly() throws Exception {
        Document first = page("a", "Tides at the north quay turn an hour before the south quay in spring.", DISCLAIMER);
        Document second = page(
                "b",
                "The ferry waits for the flood tide before it leaves the harbour at the weekend in winter.",
                DISCLAIMER);
        try (Pipeline pipeline = Pipeline.create(Config.defaults()
                .with(Map.of("cache.dir", cacheDir.toString(), "summarizer.provider", "extractive")))) {
            Summary summary = pipeline.summarize(
                    List.of(first, second),
                    Optional.of("who accepts liability for the tide tables"),
                    OptionalInt.of(60),
                    Optional.empty(),
                    SummaryListener.NONE,
                    Optional.empty());
            String body = summary.markdown().substring(0, summary.markdown().indexOf("**Sources**"));
            String sentence = body.lines()
                    .filter(l -> l.contains("no liability"))
                    .findFirst()
                    .orElseThrow();
            assertThat(sentence).contains("[1]").doesNotContain("[2]");
            assertThat(body.split("no liability", -1))
                    .as("the passage is quoted once")
                    .hasSize(2);
        }
    }

    private static Document page(String name, String... paragraphs) {
        String body = String.join("\n\n", paragraphs);
        Optional<String> e = Optional.empty();
        return new Document(
                URI.create("https://" + name + ".example/tides"),
                new Metadata(Optional.of("Tides " + name), List.of(), e, e, e, e, e, Optional.empty(), List.of()),
                body,
                body,
                List.of(),
                List.of(),
                List.of());
    }
}
