package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Links set as buttons that close a page are calls to action and leave; buttons higher up stay. */
class ButtonLinksTest {
    private static final String SERVICE = """
            <p>Our consultants review your network, your cloud accounts and the way your teams work with both,
            and write down what an attacker could reach from each of them, in plain words for the board.</p>
            <p>%s</p>
            <h2>How an assessment runs</h2>
            <p>The first week we interview the people who run your systems. The second week we test what they
            told us against the systems themselves. The third week we write the report and walk you through it,
            finding by finding, with a plan for what to fix first and what can wait for the next budget.</p>
            <p>Every finding comes with the evidence we found and the steps to reproduce it, so that your own
            people can check the fix after we have left and tell the auditors what changed and when it did.</p>
            <div class="cta-box"><h3>Ready when you are</h3>
            <div class="button-group"><a class="btn btn-primary" href="/demo">Get Loom for free</a>
            <a class="CtaButton" href="/sales">Contact sales</a></div></div>
            <p class="terms">Read our <a class="btn-link" href="/terms">terms of service</a> before you start.</p>
            """;

    private static String extracted(String body) {
        String html = "<html><body><main>" + body + "</main></body></html>";
        return new MainContentExtractor()
                .extract(Jsoup.parse(html, "https://example.org/services/"), false)
                .text();
    }

    @Test
    void aRowOfButtonLinksThatClosesThePageLeaves() {
        String text = extracted(SERVICE.formatted(""));

        assertThat(text)
                .contains("How an assessment runs", "Ready when you are", "terms of service")
                .doesNotContain("Get Loom for free", "Contact sales");
    }

    @Test
    void aButtonWithMostOfTheProseAfterItStays() {
        String text =
                extracted(SERVICE.formatted("<a class=\"btn btn-primary\" href=\"/catalog\">Consulting catalog</a>"));

        assertThat(text).contains("Consulting catalog").doesNotContain("Contact sales");
    }

    @Test
    void buttonsOnAPageOfTilesAreItsText() {
        String text = extracted("""
                <div class="tile"><p>Watercolors &amp; Sets Ends 4/30</p>
                <a class="shg-btn" href="/wn">Explore Winsor &amp; Newton Watercolors</a></div>
                <div class="tile"><p>Watercolors &amp; Sets Ends 4/30</p>
                <a class="shg-btn" href="/qor">Dive Into Golden QOR Watercolors</a></div>
                """);

        assertThat(text).contains("Explore Winsor & Newton Watercolors", "Dive Into Golden QOR Watercolors");
    }

    @Test
    void namesThatMarkAButton() {
        assertThat(ButtonLinks.isButtonName("btn-primary")).isTrue();
        assertThat(ButtonLinks.isButtonName("Buttonstyles-sc-hznqte-1")).isTrue();
        assertThat(ButtonLinks.isButtonName("zwc-primary-cta")).isTrue();
        assertThat(ButtonLinks.isButtonName("ctaBuyNow")).isTrue();
        assertThat(ButtonLinks.isButtonName("card__content")).isFalse();
        assertThat(ButtonLinks.isButtonName("dictate")).isFalse();
    }
}
