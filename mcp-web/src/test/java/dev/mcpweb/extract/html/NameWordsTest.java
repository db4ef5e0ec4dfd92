package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NameWordsTest {
    private static final Pattern WORDS =
            Pattern.compile("(?:^|[-_])(?:nav|site-?footer|breadcrumbs?|reactions?-?bar|ad|ad-?slot|toc)(?:$|[-_])");

    @Test
    void answersAsThePatternDoesForNamesMadeOfItsWordsAndOthers() {
        NameWords words = new NameWords(WORDS);
        String[] pieces = {
            "nav",
            "site",
            "footer",
            "sitefooter",
            "breadcrumb",
            "s",
            "reaction",
            "reactions",
            "bar",
            "ad",
            "slot",
            "adslot",
            "toc",
            "x",
            "navy",
            "head",
            "",
            "-",
            "_",
            "--",
            "__",
            "-_"
        };
        Random random = new Random(14);
        List<String> names = new ArrayList<>(List.of(
                "nav",
                "main-nav",
                "nav_main",
                "navy",
                "unav",
                "site-footer",
                "sitefooter",
                "site_footer",
                "breadcrumbs",
                "x-reactionbar",
                "reactions-bar-1",
                "ad",
                "bad",
                "ad-",
                "-ad",
                "adslot",
                "ad-slot-2",
                "ad--slot",
                "toc_",
                "tocs",
                "",
                "-",
                "_nav_"));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int n = random.nextInt(5); n >= 0; n--) {
                name.append(pieces[random.nextInt(pieces.length)]);
            }
            names.add(name.toString());
        }

        assertThat(words.spelledOut()).isTrue();
        for (String name : names) {
            assertThat(words.find(name)).as(name).isEqualTo(WORDS.matcher(name).find());
        }
    }

    @Test
    void theFurnitureNamesAreLookedUpAndAnsweredAsTheirPatternAnswers() {
        NameWords furniture = Boilerplate.FURNITURE_WORDS;
        List<String> names = List.of(
                "navbar",
                "mega-menu",
                "megamenu",
                "site-header",
                "global_header",
                "post-tags",
                "navigation-wrapper",
                "content",
                "article-body",
                "sharedaddy",
                "share-buttons",
                "you-may-also-like",
                "youmayalsolike",
                "cookie-banner",
                "cookiebanner",
                "reaction-bar",
                "reactionsbar",
                "user-stats",
                "sign-up-form",
                "loading",
                "ad-unit",
                "adunit",
                "badge",
                "header-ad",
                "reading-time");

        assertThat(furniture.spelledOut()).isTrue();
        for (String name : names) {
            assertThat(furniture.find(name))
                    .as(name)
                    .isEqualTo(furniture.pattern().matcher(name).find());
        }
    }

    @Test
    void aPatternOfAnotherShapeIsRunAsItIs() {
        Pattern other = Pattern.compile("(?:^|[-_])(?:nav|foot\\w+)(?:$|[-_])");
        NameWords words = new NameWords(other);

        assertThat(words.spelledOut()).isFalse();
        assertThat(List.of("nav", "footer-x", "foot", "x-footing"))
                .allMatch(n -> words.find(n) == other.matcher(n).find());
        assertThat(words.find("footer")).isTrue();
    }
}
