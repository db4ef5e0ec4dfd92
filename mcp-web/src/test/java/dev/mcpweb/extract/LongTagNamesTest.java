package dev.mcpweb.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LongTagNamesTest {
    @Test
    void aPageWithoutLongTagNamesIsReturnedAsItIs() {
        String html = "<html><body><my-custom-element data-x=\"1\">a < b, 3<4</my-custom-element><br/></body></html>";

        assertThat(LongTagNames.cut(html)).isSameAs(html);
    }

    @Test
    void aLongTagNameIsCutWithASpaceAfterItsFirstCharacters() {
        String run = "Z|<".repeat(100);
        String html = "<p>before</p><" + run + "</p>";

        String cut = LongTagNames.cut(html);

        String name = run.substring(0, LongTagNames.MAX);
        assertThat(cut).isEqualTo("<p>before</p><" + name + " " + run.substring(LongTagNames.MAX) + "</p>");
    }

    @Test
    void eachLongTagNameIsCutOnce() {
        String name = "x".repeat(LongTagNames.MAX + 5);

        String cut = LongTagNames.cut("<" + name + ">text<" + name + "/>");

        String expected = "x".repeat(LongTagNames.MAX) + " xxxxx";
        assertThat(cut).isEqualTo("<" + expected + ">text<" + expected + "/>");
    }
}
