package dev.mcpweb.summarize.extractive;

import static dev.mcpweb.summarize.extractive.ExtractiveSummarizerTest.doc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.work.StopToken;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the sentence after a passage completes it, so that the summary quotes the two together. */
class ContinuationTest {
    private static final String REGISTERING = """
            # Starting a company

            Most founders register where they live.

            ## Registering elsewhere

            To trade in a second state, you file an Application of Authority. Companies formed elsewhere
            also need a Certificate of Existence. The fee is $250.

            Forms are sent by post.
            """;

    private static int passage(Corpus corpus, String start) {
        for (int i = 0; i < corpus.size(); i++) {
            if (corpus.passages.get(i).text().startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no passage starts with " + start);
    }

    @Test
    void theNextSentenceOfAParagraphCompletesOneWhenItHasAQueryTermTheFirstLacks() {
        Corpus corpus = new Corpus(List.of(doc("https://example.org/page", "Page", REGISTERING)), StopToken.none());
        Relevance relevance = new Relevance(corpus, "What does a company formed in another state need to file?");
        int application = passage(corpus, "To trade");
        int certificate = passage(corpus, "Companies formed");
        int fee = passage(corpus, "The fee");
        int forms = passage(corpus, "Forms are");

        assertThat(ExtractiveSummarizer.completes(corpus, relevance, application, certificate))
                .as("the certificate sentence adds 'formed' and 'need'")
                .isTrue();
        assertThat(ExtractiveSummarizer.completes(corpus, relevance, certificate, fee))
                .as("the fee sentence adds no query term")
                .isFalse();
        assertThat(ExtractiveSummarizer.completes(corpus, relevance, fee, forms))
                .as("the next paragraph is not a continuation")
                .isFalse();
    }

    @Test
    void forATwoPartQuestionTheNextSentenceThatRefersBackCompletesOne() {
        String page = """
                # New bars in town

                ## The Lab

                Guests can invent their own cocktail from the house-made syrups. If it is a hit, the Lab names it
                after you.
                """;
        Corpus corpus = new Corpus(List.of(doc("https://example.org/page", "Page", page)), StopToken.none());
        int invent = passage(corpus, "Guests can");
        int hit = passage(corpus, "If it is a hit");

        assertThat(ExtractiveSummarizer.completes(
                        corpus,
                        new Relevance(
                                corpus,
                                "Which bar lets guests invent a cocktail, and what happens if it becomes popular?"),
                        invent,
                        hit))
                .isTrue();
        assertThat(ExtractiveSummarizer.completes(
                        corpus, new Relevance(corpus, "Which bar lets guests invent a cocktail?"), invent, hit))
                .as("a one-part question adds no term in the next sentence")
                .isFalse();
    }
}
