package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ElementFactsTest {
    @Test
    void answersForEveryElementAsTheTestsItRemembersDoOnALargePage() {
        String block = """
                <div class="post"><p hidden>a</p><p style="display: none">b</p><span class="sr-only">c</span>
                <div class="comments-area"><p itemprop="comment">d</p><p itemtype="https://schema.org/Comment">e</p></div>
                <section id="respond" aria-hidden="true"><input type="hidden"><b>f</b></section>
                <p class="x" id="y" hidden>g</p><p class="Comment-List" id="z">h</p><p id="DISQUS_thread">i</p>
                <p class=" hide " style="visibility:hidden">j</p><p class="" id="" itemprop="comment">k</p></div>
                """;
        List<Element> elements = Jsoup.parse("<body>" + block.repeat(300) + "</body>") // past the table's first size
                .body()
                .getAllElements();
        ElementFacts facts = ElementFacts.of(elements.get(0));
        NameTest commentNamed = new NameTest(CommentSections::isCommentName);

        List<List<Boolean>> expected = new ArrayList<>();
        List<List<Boolean>> answered = new ArrayList<>();
        for (int round = 0; round < 2; round++) { // the second round answers from what the first remembered
            for (Element e : elements) {
                expected.add(
                        List.of(Boilerplate.isHidden(e), CommentSections.isMicrodataComment(e), commentNamed.test(e)));
                answered.add(List.of(facts.isHidden(e), facts.isMicrodataComment(e), facts.isCommentNamed(e)));
            }
        }

        assertThat(elements).hasSizeGreaterThan(3_000);
        assertThat(answered).isEqualTo(expected).contains(List.of(false, false, false), List.of(true, false, true));
    }
}
