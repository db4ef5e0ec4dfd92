package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class DiscussionPagesTest {
    private final MainContentExtractor extractor = new MainContentExtractor();

    private static String post(String author, String body) {
        return """
                <article class="post"><div id="comment-%d_wrap"><div class="post-author">%s</div>
                <div class="post-body"><p>%s</p></div></div></article>
                """.formatted(Math.abs(body.hashCode()), author, body);
    }

    @Test
    void aThreadWhosePostsSitInACommentsContainerKeepsThemDespiteHiddenInstallHints() {
        String hint = "<p>Install this forum as an app: tap the share icon in your browser, scroll the menu and"
                + " choose Add to Home Screen, then confirm by tapping Add in the top-right corner of the screen.</p>";
        String html = """
                <html><body><header><a href="/">Stargazers forum</a></header>
                <div class="install-help" hidden>%s%s</div>
                <main><h1>Which eyepiece should I buy first?</h1>
                <div id="comments">%s%s%s%s</div></main>
                <footer><p>Powered by a forum engine.</p></footer></body></html>
                """.formatted(
                        hint,
                        hint,
                        post(
                                "nova",
                                "I have a small refractor with the two eyepieces it came with, and I would like"
                                        + " a third one for planets. What focal length do you recommend for a beginner?"),
                        post(
                                "orion",
                                "Start with something around 8 mm: with your telescope that gives enough"
                                        + " magnification for Saturn's rings without making the image too dim or shaky."),
                        post(
                                "vega",
                                "Agreed. Avoid the cheapest zoom eyepieces, their narrow field of view makes"
                                        + " finding and tracking planets frustrating on a manual mount."),
                        post(
                                "nova",
                                "Thank you both. I ordered an 8 mm eyepiece with a wide field of view and"
                                        + " will report back after the next clear night, hopefully with Saturn in view."));

        String text = extractor
                .extract(Jsoup.parse(html, "https://example.org/t/eyepieces"), false)
                .text();

        assertThat(text)
                .contains("focal length do you recommend")
                .contains("Start with something around 8 mm")
                .contains("Avoid the cheapest zoom eyepieces");
        assertThat(text).doesNotContain("Add to Home Screen");
    }
}
