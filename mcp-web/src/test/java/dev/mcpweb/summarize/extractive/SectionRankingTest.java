package dev.mcpweb.summarize.extractive;

import static dev.mcpweb.summarize.extractive.ExtractiveSummarizerTest.doc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.document.Document;
import dev.mcpweb.summarize.SummaryListener;
import dev.mcpweb.summarize.SummaryRequest;
import dev.mcpweb.work.StopToken;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sections are ranked before passages: a passage counts as much as its section covers the question. */
class SectionRankingTest {
    private static final String QUESTION =
            "Which new Houston restaurant lets diners invent their own cocktail, and what happens if it becomes popular?";

    /** The introduction repeats the page's topic words; the answer sits in one restaurant's section. */
    private static final String RESTAURANTS = """
            Houston has no shortage of great restaurants. And new restaurants continue to open.

            Here are the best new Houston restaurants to visit right now. Every one of them opened this year.

            ## Chateau Bellecru

            Wine lovers, there is a new option in town. Reservations are encouraged after 7pm.

            ## Eculent Restaurant & Liquid Lab

            Eculent Restaurant & Liquid Lab is perfect for diners yearning for theatrical drinks. The tasting
            menu has thirteen courses. Especially cool is the option to invent your own cocktail with the
            house syrups. If it is a hit, the restaurant will name it after you.

            ## Zaranda

            Hugo Ortega opened his newest place across the street from Discovery Green.
            """;

    private static String summary(Document page, int words) {
        return new ExtractiveSummarizer()
                .summarize(new SummaryRequest(List.of(page), Optional.of(QUESTION), words), SummaryListener.NONE)
                .markdown();
    }

    @Test
    void theSectionThatCoversTheQuestionOutranksAnIntroductionThatRepeatsItsTopicWords() {
        String summary = summary(doc("https://example.org/new", "New restaurants", RESTAURANTS), 60);

        assertThat(summary)
                .contains("Eculent Restaurant & Liquid Lab is perfect for diners")
                .contains("invent your own cocktail")
                .contains("name it after you")
                .doesNotContain("Wine lovers");
    }

    @Test
    void aSectionCoversTheQueryTermsOfItsHeadingAndOfAllItsPassages() {
        Corpus corpus =
                new Corpus(List.of(doc("https://example.org/new", "New restaurants", RESTAURANTS)), StopToken.none());
        Relevance relevance = new Relevance(corpus, QUESTION);
        int intro = passage(corpus, "Houston has");
        int wine = passage(corpus, "Wine lovers");
        int hit = passage(corpus, "If it is a hit");
        int tasting = passage(corpus, "The tasting menu");

        assertThat(relevance.sectionCoverage[tasting])
                .as("a sentence without a query term shares its section's coverage")
                .isEqualTo(relevance.sectionCoverage[hit])
                .isGreaterThan(relevance.sectionCoverage[intro])
                .isGreaterThan(relevance.sectionCoverage[wine]);
        assertThat(relevance.sectionCoverage[hit]).isLessThanOrEqualTo(1.0);
    }

    @Test
    void aLongSectionIsCoveredStretchByStretch() {
        StringBuilder page = new StringBuilder("## Notes\n\n");
        for (int i = 0; i < Relevance.SECTION_WINDOW; i++) {
            page.append("Houston note ").append(i).append(" is about parking.\n\n");
        }
        page.append("Diners can invent their own cocktail at Eculent.\n\n");
        Corpus corpus =
                new Corpus(List.of(doc("https://example.org/notes", "Notes", page.toString())), StopToken.none());
        Relevance relevance = new Relevance(corpus, QUESTION);

        assertThat(relevance.sectionCoverage[passage(corpus, "Diners can")])
                .as("the stretch past the first hundred passages is counted on its own")
                .isGreaterThan(relevance.sectionCoverage[passage(corpus, "Houston note 0 ")]);
    }

    private static int passage(Corpus corpus, String start) {
        for (int i = 0; i < corpus.size(); i++) {
            if (corpus.passages.get(i).text().startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no passage starts with " + start);
    }
}
