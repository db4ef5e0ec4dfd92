package dev.mcpweb.summarize.extractive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.document.Document;
import dev.mcpweb.document.Metadata;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextAnalysisTest {
    @Test
    void termsDropStopWordsAndMatchAcrossInflections() {
        Analyzer analyzer = english();
        int[] question = analyzer.terms("How long do the rotations usually last?");
        int[] answer = analyzer.terms("Job rotations are typically 18-24 months in length.");
        assertThat(question).hasSize(4); // long, rotat, usual, last
        assertThat(answer).contains(question[1]);
        assertThat(analyzer.terms("Don't use the B12-rich, 240v café")).hasSize(4); // b12, rich, 240v, café
        assertThat(analyzer.terms("John's charging")).containsExactly(analyzer.terms("John charges"));
    }

    @Test
    void eachLanguageIsStemmedWithItsOwnRulesAndStopWords() {
        Analyzer german = new Analyzer(Language.analyzerFor(List.of(page("de-DE", ""))));
        assertThat(german.terms("Die Häuser und das Haus")).containsExactly(german.terms("Haus Häusern"));
        Analyzer french = new Analyzer(Language.analyzerFor(List.of(page("fr", ""))));
        assertThat(french.terms("les chevaux de l'été")).containsExactly(french.terms("cheval été"));
    }

    @Test
    void aPageThatDeclaresNoLanguageIsAnalysedInTheLanguageItsWordsAreIn() {
        assertThat(Language.of(List.of(page(
                        "",
                        "Der Bericht ist nicht das, was wir von ihm erwartet haben, und er"
                                + " wurde auch nicht mit der Sorgfalt geschrieben, die wir uns gewünscht hätten."))))
                .isEqualTo("de");
        assertThat(Language.of(List.of(page(
                        "",
                        "La ville est située sur la rive gauche du fleuve, et elle a été"
                                + " fondée au début du siècle par des marchands qui venaient du nord."))))
                .isEqualTo("fr");
        assertThat(Language.of(List.of(page("", "東京は日本の首都であり、世界で最も人口の多い都市圏の一つです。"))))
                .isEqualTo("zh");
        assertThat(Language.of(List.of(page("", "Kubernetes pods, YAML manifests: kubectl apply -f deploy.yaml"))))
                .isEqualTo("en");
        assertThat(Language.of(List.of(page("pt-BR", "The page says it is Portuguese, and the page wins."))))
                .isEqualTo("pt");
    }

    private static Analyzer english() {
        return new Analyzer(Language.analyzerFor(List.of(page("en", ""))));
    }

    static Document page(String language, String text) {
        Metadata base = Metadata.empty();
        Metadata metadata = new Metadata(
                base.title(),
                base.authors(),
                base.published(),
                base.modified(),
                base.siteName(),
                base.description(),
                language.isEmpty() ? Optional.empty() : Optional.of(language),
                base.canonicalUrl(),
                base.productFacts());
        return new Document(URI.create("https://example.org/"), metadata, text, text, List.of(), List.of(), List.of());
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
