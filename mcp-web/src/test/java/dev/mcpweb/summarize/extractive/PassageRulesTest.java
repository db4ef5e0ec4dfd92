package dev.mcpweb.summarize.extractive;

import static dev.mcpweb.summarize.extractive.ExtractiveSummarizerTest.doc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.summarize.SummaryListener;
import dev.mcpweb.summarize.SummaryRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Passages that keep their meaning, and selection that brings what a passage needs, on hand-written pages. */
class PassageRulesTest {
    private static final String EARBUDS = """
            # Gusilor E19 earbuds

            Wireless earbuds whose charging case looks like a space capsule, with the earbuds seated inside
            like astronauts looking out at the stars.

            ## Product information

            Noise Control
            Adaptive Noise Cancellation
            Charging Time
            1.5 Hours
            Model Name
            E19
            Material
            ABS plastic

            ## Buying

            Price: $129
            Availability: In stock, ships in two days
            Rating: 4.5 out of 5 stars

            ## Design

            The case is transparent, so the earbuds can be seen through the lid at all times.
            """;

    private static final String TABLE_ATTRIBUTES = """
            # The table element

            The table element represents data with more than one dimension.

            ## Deprecated attributes

            `align`

            Specifies the horizontal alignment of the table within its parent. Use CSS margins instead.

            `cellspacing`

            Defines the size of the space between two cells. Set the border-spacing property instead.

            `bgcolor`

            Defines the background colour of the table. Use the background-color property instead.
            """;

    private static final String LIBRARY = """
            # Getting started

            The library runs asynchronous tasks on a small pool of threads.

            ## Installation

            To add the library to your project, put this line under dependencies in your manifest:

            ```toml
            runtime = { version = "1", features = ["full"] }
            ```

            ## Design

            Work is split into tasks that yield to each other when they wait, so a few threads serve
            thousands of connections. The library was first released in 2016.
            """;

    private static final String HARBOUR = """
            # Harbour guide

            The harbour is the oldest part of town, and fishing boats still land their catch at dawn.

            ## Ferries

            The ferry to the island leaves from the pier by the old customs house.

            It departs every 40 minutes during the day. Tickets are sold on board.
            """;

    private static String summary(String markdown, String query, int words) {
        return new ExtractiveSummarizer()
                .summarize(
                        new SummaryRequest(
                                List.of(doc("https://example.org/page", "Page", markdown)), Optional.of(query), words),
                        SummaryListener.NONE)
                .markdown();
    }

    @Test
    void aSpecificationTableRenderedAsLinesKeepsEachLabelWithItsValue() {
        String answer = summary(EARBUDS, "How long is the charging time?", 15);

        assertThat(answer).contains("Charging Time: 1.5 Hours").doesNotContain("astronauts");
    }

    @Test
    void propertyLinesAreOnePassageEach() {
        String answer = summary(EARBUDS, "What is the price?", 6);

        assertThat(answer).contains("Price: $129").doesNotContain("Availability");
    }

    @Test
    void aDefinitionListTermIsQuotedWithItsDefinition() {
        String answer = summary(TABLE_ATTRIBUTES, "What replaces the cellspacing attribute?", 25);

        assertThat(answer)
                .contains("`cellspacing`: Defines the size of the space between two cells.")
                .contains("border-spacing");
    }

    @Test
    void aListItemIsOnePassageWithItsContinuation() {
        List<Section> sections = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        List<Passage> passages = new ArrayList<>();

        MarkdownPassages.parse("""
                - Battery: Up to 6 hours of playback on one charge.
                  The case adds another 44 hours, for 50 in all.
                - Fit: Three sizes of ear tips come in the box.
                """, 1, sections, blocks, passages);

        assertThat(passages)
                .extracting(Passage::text)
                .containsExactly(
                        "Battery: Up to 6 hours of playback on one charge. The case adds another 44 hours, for 50 in all.",
                        "Fit: Three sizes of ear tips come in the box.");
    }

    @Test
    void theCodeBlockASentenceIntroducesComesWithItForAHowToQuestion() {
        String answer = summary(LIBRARY, "How do I add the library to my project?", 40);

        assertThat(answer)
                .contains("To add the library to your project, put this line under dependencies")
                .contains("runtime = { version = \"1\", features = [\"full\"] }");
    }

    @Test
    void aSentenceThatRefersBackIsQuotedWithTheSentenceItRefersTo() {
        String answer = summary(HARBOUR, "How often does it depart?", 22);

        assertThat(answer)
                .contains("leaves from the pier by the old customs house")
                .contains("every 40 minutes");
    }

    @Test
    void aWhoQuestionPrefersThePassageThatNamesSomeone() {
        String page = """
                # Engines

                Engines turn the heat of burning fuel into motion.

                ## History

                The first engine was built in a small shed near the river.

                The first engine was built by Nicolaus Otto in a workshop near the river.
                """;

        String answer = summary(page, "Who built the first engine?", 14);

        assertThat(answer).contains("Nicolaus Otto");
    }
}
