package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.RandomText;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
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

    /**
     * The plain hrefs that are resolved by concatenation, and near misses of them, against bases with and
     * without a path, a port, user info, a query or dot segments: the same strings as jsoup's.
     */
    @Test
    void concatenatedHrefsResolveExactlyAsJsoupDoes() {
        String[] bases = {
            "https://example.org/docs/guide/page.html?x=1#top",
            "http://example.org",
            "http://example.org:8080/a/",
            "https://user@example.org/a/b",
            "https://example.org/a/./b/../c/d",
            "https://example.org/a/..",
            "https://example.org?q=1",
            "https://EXAMPLE.org/A/B",
            "file:///tmp/pages/page.html",
        };
        String alphabet = "ab/.:?#%@-_~=&+;HP";
        String[] starts = {"", "/", "//", "http://", "https://", "HTTP://", "a", "./", "../", "?", "#", "x:"};
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            String href = starts[random.nextInt(starts.length)] + RandomText.of(random, alphabet, 12);
            String base = bases[random.nextInt(bases.length)];
            Element a = Jsoup.parse("<a>x</a>", base).selectFirst("a");
            a.attr("href", href);
            assertThat(AbsoluteUrls.of(a, "href"))
                    .as("%s against %s", href, base)
                    .isEqualTo(a.absUrl("href"));
        }
    }

    /**
     * An href in a scheme the JDK has no handler for comes back as jsoup gives it, the first time (when the
     * scheme is found to have none) and every time after (when that is remembered).
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:void(0)",
                "JavaScript:history.back()",
                "whatsapp://send?text=hi",
                "x-app+v1.2:open",
                "sms:+441234",
                "tel\t:+441234",
                "url:javascript:x",
                "a,b:c",
                "about:blank",
                "http:relative",
                "mailto:a@example.org"
            })
    void hrefsInSchemesWithoutAHandlerResolveAsJsoupDoesEveryTime(String href) {
        for (int round = 0; round < 3; round++) {
            for (String base : BASES) {
                Element a = Jsoup.parse("<a>x</a>", base).selectFirst("a");
                a.attr("href", href.replace("\\t", "\t"));
                assertThat(AbsoluteUrls.of(a, "href"))
                        .as("%s against %s, round %d", href, base, round)
                        .isEqualTo(a.absUrl("href"));
            }
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
