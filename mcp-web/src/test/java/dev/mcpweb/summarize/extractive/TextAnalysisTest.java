package dev.mcpweb.summarize.extractive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextAnalysisTest {
    @Test
    void sentencesDoNotBreakAtAbbreviationsDecimalsUrlsOrInitials() {
        assertThat(SentenceSplitter.split(
                        "Dr. Smith paid $3.50 at https://shop.example.com/a.b?x=1. See e.g. the U.S. report by J. R. Doe."
                                + " It opens at 9 a.m. Then it closes! Does it? Yes."))
                .containsExactly(
                        "Dr. Smith paid $3.50 at https://shop.example.com/a.b?x=1.",
                        "See e.g. the U.S. report by J. R. Doe.",
                        "It opens at 9 a.m.",
                        "Then it closes!",
                        "Does it?",
                        "Yes.");
        assertThat(SentenceSplitter.split("version 2.4.1 is out. \"Quoted.\" (Aside.) next lower case. End"))
                .containsExactly("version 2.4.1 is out.", "\"Quoted.\"", "(Aside.) next lower case.", "End");
    }

    @Test
    void thePorterStemmerMatchesTheReferenceVocabulary() {
        PorterStemmer stemmer = new PorterStemmer();
        String[][] pairs = {
            {"caresses", "caress"},
            {"ponies", "poni"},
            {"cats", "cat"},
            {"feed", "feed"},
            {"agreed", "agre"},
            {"plastered", "plaster"},
            {"motoring", "motor"},
            {"sing", "sing"},
            {"conflated", "conflat"},
            {"hopping", "hop"},
            {"falling", "fall"},
            {"filing", "file"},
            {"happy", "happi"},
            {"relational", "relat"},
            {"conditional", "condit"},
            {"generalization", "gener"},
            {"effective", "effect"},
            {"adjustment", "adjust"},
            {"charging", "charg"},
            {"charge", "charg"},
            {"rotations", "rotat"},
            {"rotational", "rotat"},
            {"a1b", "a1b"},
            {"go", "go"}
        };
        List<String> wrong = new ArrayList<>();
        for (String[] p : pairs) {
            if (!stemmer.stem(p[0]).equals(p[1])) {
                wrong.add(p[0] + " -> " + stemmer.stem(p[0]) + " (want " + p[1] + ")");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void termsDropStopWordsAndMatchAcrossInflections() {
        Analyzer analyzer = new Analyzer();
        int[] question = analyzer.terms("How long do the rotations usually last?");
        int[] answer = analyzer.terms("Job rotations are typically 18-24 months in length.");
        assertThat(question).hasSize(4); // long, rotat, usual, last
        assertThat(answer).contains(question[1]);
        assertThat(Analyzer.words("Don't use the B12-rich, 240v café"))
                .containsExactly("don", "use", "the", "b12", "rich", "240v", "café");
    }

    @Test
    void markdownBecomesSectionsBlocksAndPassages() {
        var sections = new ArrayList<Section>();
        var blocks = new ArrayList<Block>();
        var passages = new ArrayList<Passage>();
        MarkdownPassages.parse("""
                # Title

                Intro with a [link](https://example.org) and **bold text**. Second sentence.

                ## Part

                - first item
                - second item
                  continued

                | Key | Value |
                | --- | --- |
                | Charging time | 1.5 hours |

                ```java
                int x = 1;
                ```
                """, 1, sections, blocks, passages);
        assertThat(passages)
                .extracting(Passage::text)
                .containsExactly(
                        "Intro with a link and bold text.",
                        "Second sentence.",
                        "first item",
                        "second item continued",
                        "| Charging time | 1.5 hours |",
                        "```java\nint x = 1;\n```");
        assertThat(passages.get(0).emphasized()).isTrue();
        assertThat(passages.get(2).block().section().path()).isEqualTo("Title Part");
        assertThat(passages.get(4).block().tableHeader()).isEqualTo("| Key | Value |");
        assertThat(passages.get(5).block().kind()).isEqualTo(Block.Kind.CODE);
    }

    @Test
    void linksAroundCodeSpansKeepTheCodeAndGlyphOnlyHeadingsAreIgnored() {
        var sections = new ArrayList<Section>();
        var passages = new ArrayList<Passage>();
        MarkdownPassages.parse(
                "## Spacing\n\n## \uf0c1\n\nSet the [`border-spacing`](https://example.org/css#x \"CSS\") CSS property"
                        + " on the ![icon](i.png)table.\n\n| Charging time | 1.5 hours |\n",
                1,
                sections,
                new ArrayList<>(),
                passages);
        assertThat(passages)
                .extracting(Passage::text)
                .containsExactly("Set the `border-spacing` CSS property on the table.", "Charging time: 1.5 hours");
        assertThat(passages.get(0).block().section().heading()).contains("Spacing");
    }
}
