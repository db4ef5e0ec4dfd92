package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AbsoluteUrlsTest {
    private static final String[] BASES = {
        "https://example.org/docs/guide/page.html?x=1#top",
        "http://example.org",
        "https://example.org/a\tb/\nc/",
        "https://bücher.example/katalog/",
        "not a url",
        "",
    };

    /** Whatever the href and the base, the result is the one jsoup's own absUrl gives. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "other.html",
                "../up/../../twice.html",
                "/root?q=a b",
                "//cdn.example.net/x.js",
                "?only=query",
                "#fragment",
                "https://elsewhere.example/path/",
                "HTTPS://Upper.Example/Case",
                "mailto:someone@example.org",
                "javascript:void(0)",
                "tel:+441234",
                "java\tscript:alert(1)",
                "spaced out/file name.pdf",
                "line\nbreak/and\u0001control.html",
                "http://[::1]:8080/v6",
                "http://bad host/",
                "https://münchen.example/straße",
                "",
                "   padded.html   ",
                "data:text/plain,hello"
            })
    void resolvesExactlyAsJsoupDoes(String href) {
        for (String base : BASES) {
            Element a = Jsoup.parse("<a>x</a>", base).selectFirst("a");
            a.attr("href", href);
            assertThat(AbsoluteUrls.of(a, "href"))
                    .as("%s against %s", href, base)
                    .isEqualTo(a.absUrl("href"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"href", "HREF"})
    void aMissingAttributeGivesEmptyText(String key) {
        Element a = Jsoup.parse("<a title=t>x</a><img>", "https://example.org/").selectFirst("a");

        assertThat(AbsoluteUrls.of(a, key)).isEmpty();
        assertThat(AbsoluteUrls.of(a.ownerDocument().selectFirst("img"), "src")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "tab\there", "\u0000lead", "trail\u001f", "\n\r\t"})
    void controlCharactersAreDroppedAndNothingElse(String s) {
        assertThat(AbsoluteUrls.withoutControlChars(s)).isEqualTo(s.replaceAll("[\\x00-\\x1f]", ""));
    }
}
