package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class NameTestTest {
    private static final Predicate<String> COMMENTS = CommentSections::isCommentName;

    @Test
    void answersForEveryElementAsTheUnrememberedTestDoesWhenPagesRepeatTheirNames() {
        String longClass = "x ".repeat(1_000) + "comments";
        String html = """
                <body>
                <div class="post comments-area" id="main"><p class="comment-body">One</p></div>
                <div class="post" id="comments"><p class="comment-body">Two</p></div>
                <div class="post" id="respond"><p class="COMMENT-body">Three</p></div>
                <div class="post"><p class="comment-body">Four</p></div>
                <section class="%s">Five</section>
                <section id="%s">Six</section>
                <aside class="sidebar">Seven</aside><aside class=" sidebar  comment-list ">Eight</aside>
                </body>
                """.formatted(longClass, "c".repeat(210) + "-comments");
        List<Element> elements = Jsoup.parse(html).body().getAllElements();
        NameTest remembered = new NameTest(COMMENTS);

        List<Boolean> expected = new ArrayList<>();
        List<Boolean> answered = new ArrayList<>();
        for (int round = 0; round < 2; round++) { // the second round answers from what the first remembered
            for (Element e : elements) {
                expected.add(Boilerplate.hasName(e, COMMENTS));
                answered.add(remembered.test(e));
            }
        }

        assertThat(answered).isEqualTo(expected).contains(true, false);
    }

    @Test
    void theSameTextAsAClassAttributeAndAsAnIdIsAnsweredForEach() {
        // a class attribute is a list of names; an id is one name, here one the test rejects
        NameTest comments = new NameTest(n -> n.toLowerCase(Locale.ROOT).equals("comments"));
        Element body = Jsoup.parse("<div class='post comments'></div><div id='post comments'></div>")
                .body();

        assertThat(body.children()).extracting(comments::test).containsExactly(true, false);
    }

    @Test
    void aNameSharedByDifferentClassAttributesAndIdsIsTestedOnce() {
        List<String> tested = new ArrayList<>();
        NameTest comments = new NameTest(n -> {
            tested.add(n);
            return COMMENTS.test(n);
        });
        Element body = Jsoup.parse("""
                        <div class="flex p-4 comments"></div><div class="flex p-2 comments"></div>
                        <div class="p-4 flex"></div><div id="comments"></div><div id="flex"></div>
                        """).body();

        assertThat(body.children()).extracting(comments::test).containsExactly(true, true, false, true, false);
        assertThat(tested).containsExactly("flex", "p-4", "comments", "p-2");
    }

    @Test
    void answersAsTheUnrememberedTestDoesForManyNamesSharingHashesAndPrefixes() {
        Random random = new Random(16);
        List<String> pool = new ArrayList<>(List.of("Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa")); // equal hashes
        for (int i = 0; i < 600; i++) { // past the table's first size
            pool.add((random.nextBoolean() ? "comment" : "post") + "-" + Integer.toString(i, 36));
        }
        StringBuilder html = new StringBuilder("<body>");
        for (int i = 0; i < 3_000; i++) {
            html.append("<div class=\"");
            for (int n = random.nextInt(4); n >= 0; n--) {
                html.append(pool.get(random.nextInt(pool.size()))).append(random.nextBoolean() ? " " : "\t");
            }
            html.append("\" id=\"")
                    .append(pool.get(random.nextInt(pool.size())))
                    .append("\"></div>");
        }
        List<Element> elements = Jsoup.parse(html.toString()).body().getAllElements();
        Predicate<String> test = n -> n.startsWith("Aa") || COMMENTS.test(n);
        NameTest remembered = new NameTest(test);

        List<Boolean> expected = new ArrayList<>();
        List<Boolean> answered = new ArrayList<>();
        for (Element e : elements) {
            expected.add(Boilerplate.hasName(e, test));
            answered.add(remembered.test(e));
        }

        assertThat(answered).isEqualTo(expected).contains(true, false);
    }
}
