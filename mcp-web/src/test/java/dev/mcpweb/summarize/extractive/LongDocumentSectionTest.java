package dev.mcpweb.summarize.extractive;

import static dev.mcpweb.summarize.extractive.ExtractiveSummarizerTest.doc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.summarize.SummaryListener;
import dev.mcpweb.summarize.SummaryRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * On a long document the answer sits deep, in the one section that covers the question, while sections
 * nearer the top repeat some of its words more often; ranking within sections finds it, a flat ranking
 * of all passages quotes the repetitions.
 */
class LongDocumentSectionTest {
    private static final String QUESTION =
            "How many days before the renewal date must members cancel to get the annual fee refunded?";

    private static final String ANSWER = "at least 14 days before the renewal date";

    /** A club handbook: an overview, forty rooms and courses, then the sections on fees, refunds and ending. */
    static String handbook() {
        StringBuilder page = new StringBuilder("""
                # Riverside Fitness Club handbook

                Welcome to the club. This handbook explains how the club works for members and guests.

                ## Fees and renewal

                The annual fee is charged at each renewal. The annual fee of family members is charged at the \
                renewal of the main member, and the annual fee of a student member at the renewal in September.

                Members renew automatically. A member who renews early keeps the annual fee of the year before.

                ## Refunds for classes

                A cancelled class is refunded as a credit. Members who cancel a class twice in a month get no \
                refund for the third cancelled class.

                """);
        String[] rooms = {
            "Studio",
            "Pool hall",
            "Climbing wall",
            "Sauna",
            "Weights room",
            "Spin room",
            "Yoga loft",
            "Boxing ring",
            "Squash court",
            "Rowing deck"
        };
        String[] courses = {
            "Pilates",
            "Aqua aerobics",
            "Bouldering",
            "Circuit training",
            "Tai chi",
            "Zumba",
            "Mobility",
            "Kettlebells",
            "Stretching",
            "Running club"
        };
        for (int i = 0; i < 40; i++) {
            String room = rooms[i % rooms.length] + " " + (i / rooms.length + 1);
            String course = courses[(i * 3) % courses.length];
            page.append("## ")
                    .append(room)
                    .append("\n\n")
                    .append(room)
                    .append(" opens at ")
                    .append(6 + i % 4)
                    .append(" in the morning and closes at ")
                    .append(20 + i % 3)
                    .append(". It holds ")
                    .append(8 + i)
                    .append(" people at a time. ")
                    .append(course)
                    .append(" sessions run here on ")
                    .append(i % 2 == 0 ? "Mondays and Thursdays" : "Tuesdays and Fridays")
                    .append(".\n\n")
                    .append("Towels are at the entrance of the ")
                    .append(room.toLowerCase(java.util.Locale.ROOT))
                    .append(". Bring a padlock for the lockers; the staff opens no locker without a card.\n\n");
        }
        page.append("""
                ## Ending your membership

                Write to the front desk at least 14 days before the renewal date to cancel. The unused part of the \
                annual fee is then refunded to the card you paid with.

                Calls to cancel are not accepted.

                ## Lost and found

                Items left in the club are kept for a month.
                """);
        return page.toString();
    }

    private static String summary(ExtractiveSummarizer summarizer, int words) {
        return summarizer
                .summarize(
                        new SummaryRequest(
                                List.of(doc("https://example.org/handbook", "Handbook", handbook())),
                                Optional.of(QUESTION),
                                words),
                        SummaryListener.NONE)
                .markdown();
    }

    @Test
    void theAnswerInADeepSectionThatCoversTheQuestionIsQuoted() {
        assertThat(summary(new ExtractiveSummarizer(), 40))
                .contains(ANSWER)
                .doesNotContain("charged at the renewal of the main member");
    }

    @Test
    void aFlatRankingOfThePassagesQuotesTheRepetitionsNearTheTopInstead() {
        assertThat(summary(ExtractiveSummarizer.withSectionShare(0), 40))
                .doesNotContain(ANSWER)
                .contains("annual fee");
    }

    @Test
    void theHandbookIsLong() {
        assertThat(MarkdownPassages.wordCount(handbook())).isGreaterThan(2_000);
    }
}
