package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;

class MainContentPropertiesTest {
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern LIST_NUMBER = Pattern.compile("(?m)(?<=^|[\\s|>])\\d+\\.(?=\\s|$)");
    /** The heading the renderer puts over the comments it was asked to keep (ReaderComments). */
    /** The heading over kept comments; in tag soup whose content ends inside a list it lands as a list item. */
    private static final Pattern COMMENTS_HEADING = Pattern.compile("(?m)^(?:- )?Comments$");

    private static final List<String> TAGS = List.of(
            "div",
            "p",
            "span",
            "a href=\"/x\"",
            "ul",
            "ol",
            "li",
            "table",
            "tr",
            "td",
            "th",
            "pre",
            "code",
            "blockquote",
            "h1",
            "h2",
            "h3",
            "nav",
            "footer",
            "article",
            "main",
            "section",
            "aside",
            "b",
            "em",
            "div class=\"comment\"",
            "div hidden",
            "div style=\"display:none\"",
            "noscript",
            "form",
            "br",
            "img alt=\"x\"",
            "header",
            "td colspan=\"3\"",
            "ol start=\"7\"",
            "pre class=\"language-java\"");
    private static final List<String> WORDS = List.of(
            "alpha",
            "beta",
            "gamma",
            "delta",
            "straße",
            "naïve",
            "東京",
            "x_y",
            "42",
            "*",
            "|",
            "`",
            "[",
            "]",
            "#",
            "<",
            "&amp;",
            "&lt;b&gt;",
            "\u00a0",
            "\n",
            "emoji😀");

    @Provide
    Arbitrary<String> tagSoup() {
        Arbitrary<String> open = Arbitraries.of(TAGS).map(t -> "<" + t + ">");
        Arbitrary<String> close = Arbitraries.of(TAGS).map(t -> "</" + t.split(" ")[0] + ">");
        Arbitrary<String> text = Arbitraries.of(WORDS).map(w -> " " + w + " ");
        return Arbitraries.oneOf(open, close, text).list().ofMaxSize(300).map(parts -> String.join("", parts));
    }

    @Property(tries = 300)
    void randomTagSoupNeverThrows(@ForAll("tagSoup") String html) {
        MainContent content = new MainContentExtractor().extract(Jsoup.parse(html, "https://example.org/"), false);

        assertThat(content.markdown()).isNotNull();
        assertThat(content.text()).isNotNull();
    }

    @Property(tries = 300)
    void extractedWordsAreASubMultisetOfThePageWords(@ForAll("tagSoup") String html) {
        org.jsoup.nodes.Document page = Jsoup.parse(html, "https://example.org/");
        // Every generated word is surrounded by spaces, so tag boundaries never split or join words.
        Map<String, Integer> pageWords = words(page.body().wholeText());

        // Ordered-list numbers (also inside table cells and quotes) are the renderer's own (as in the ground-truth
        // format), not page words; so is the heading over the comments kept (the second argument asks for them).
        String text = new MainContentExtractor().extract(page, true).text();
        String pageWordsOnly = COMMENTS_HEADING
                .matcher(LIST_NUMBER.matcher(text).replaceAll(""))
                .replaceFirst("");
        Map<String, Integer> extracted = words(pageWordsOnly);

        extracted.forEach((word, count) ->
                assertThat(pageWords.getOrDefault(word, 0)).as(word).isGreaterThanOrEqualTo(count));
    }

    private static Map<String, Integer> words(String text) {
        Map<String, Integer> bag = new HashMap<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            bag.merge(m.group(), 1, Integer::sum);
        }
        return bag;
    }
}
