package dev.mcpweb.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {
    @Test
    void sentencesDoNotBreakAtAbbreviationsDecimalsUrlsOrInitials() {
        assertThat(Sentences.split(
                        "Dr. Smith paid $3.50 at https://shop.example.com/a.b?x=1. See e.g. the U.S. report by J. R. Doe."
                                + " It opens at 9 a.m. Then it closes! Does it? Yes."))
                .containsExactly(
                        "Dr. Smith paid $3.50 at https://shop.example.com/a.b?x=1.",
                        "See e.g. the U.S. report by J. R. Doe.",
                        "It opens at 9 a.m.",
                        "Then it closes!",
                        "Does it?",
                        "Yes.");
        assertThat(Sentences.split("version 2.4.1 is out. \"Quoted.\" (Aside.) next lower case. End"))
                .containsExactly("version 2.4.1 is out.", "\"Quoted.\"", "(Aside.) next lower case.", "End");
    }

    @Test
    void startsAreOffsetsIntoTheRangeGiven() {
        String text = "# Title\nOne here. Two there!  Three? end";
        int from = text.indexOf('O');
        assertThat(Sentences.starts(text, from, text.length()))
                .containsExactly(from, text.indexOf("Two"), text.indexOf("Three"));
        assertThat(Sentences.starts(text, from, text.indexOf(" Two"))).containsExactly(from);
    }

    @Test
    void punctuationWithoutWhiteSpaceIsOneSentence() { // the JDK's BreakIterator made "(.>" two sentences, in
        // quadratic time
        String run = "(.>".repeat(30_000);
        assertThat(Sentences.starts(run, 0, run.length())).containsExactly(0);
    }
}
