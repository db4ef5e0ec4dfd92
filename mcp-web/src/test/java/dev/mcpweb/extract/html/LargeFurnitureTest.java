package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** A sidebar that outweighs a short post goes when it holds no paragraphs; one that holds the story stays. */
class LargeFurnitureTest {
    private static final String POST = """
            <div id="content"><h1>Welpen richtig füttern</h1>
            <p>Ein Welpe braucht in den ersten Monaten vier kleine Mahlzeiten am Tag, später drei und ab dem
            sechsten Monat zwei. Wiegen Sie das Futter ab, damit er nicht zu schnell wächst.</p></div>
            """;

    private static String extracted(String body) {
        return new MainContentExtractor()
                .extract(Jsoup.parse("<html><body>" + body + "</body></html>", "https://example.org/welpen/"), false)
                .text();
    }

    /** A sidebar of widgets (headings and link lists, no paragraphs) with more text than the post. */
    private static String widgets() {
        StringBuilder aside = new StringBuilder("<aside id=\"sidebar\">");
        for (String widget : new String[] {"Hunderassen", "Neueste Beiträge", "Archiv", "Schlagworte"}) {
            aside.append("<h3>").append(widget).append("</h3><ul>");
            for (int i = 1; i <= 8; i++) {
                aside.append("<li><a href=\"/")
                        .append(i)
                        .append("\">")
                        .append(widget)
                        .append(": Eintrag Nummer ")
                        .append(i)
                        .append("</a> (")
                        .append(i * 3)
                        .append(")</li>");
            }
            aside.append("</ul>");
        }
        return aside.append("</aside>").toString();
    }

    @Test
    void aSidebarWithoutParagraphsGoesThoughItOutweighsThePost() {
        String text = extracted(POST + widgets());

        assertThat(text).contains("vier kleine Mahlzeiten").doesNotContain("Hunderassen", "Eintrag Nummer");
    }

    @Test
    void anAsideHoldingMostOfTheParagraphsStays() {
        String text = extracted(
                "<aside class=\"sidebar\"><h2>Fütterung</h2>"
                        + "<p>Ein Welpe braucht in den ersten Monaten vier kleine Mahlzeiten am Tag, später drei und ab dem"
                        + " sechsten Monat zwei.</p><p>Wiegen Sie das Futter ab, damit er nicht zu schnell wächst, und geben"
                        + " Sie ihm frisches Wasser zu jeder Mahlzeit.</p></aside><div id=\"content\"><p>Kurz notiert.</p></div>");

        assertThat(text).contains("vier kleine Mahlzeiten", "frisches Wasser");
    }
}
