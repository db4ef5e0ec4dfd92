package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * What a site sets between a story's paragraphs leaves it: a "read also" box that carries its own label,
 * the head of a teaser box, a box around a form that posts, a line of two labelled dates and a question's
 * record on a Q&A site. The story's own lists and forms that only get stay.
 */
class InsideTheStoryTest {
    private static final String HEAD =
            "<html><head><meta property=\"og:type\" content=\"article\"></head><body><main><article>";
    private static final String TAIL = "</article></main></body></html>";
    private static final String FIRST = """
            <h1>La alcaldía sanea el viejo mercado</h1>
            <p>El concejo municipal decidió el martes por la noche, tras un largo debate, sanear el viejo mercado
            de la calle del río en lugar de derribarlo y construir un aparcamiento en su lugar.</p>
            <p>Las obras comenzarán en primavera y durarán unos dos años; mientras tanto los comerciantes se
            trasladan a carpas en la plaza frente al ayuntamiento, donde también vuelve el mercado semanal.</p>
            """;
    private static final String SECOND = """
            <p>La administración calcula el costo en once millones de euros, de los que la región asume una gran
            parte porque el mercado es un monumento y su estructura de hierro debe conservarse.</p>
            <p>La oposición criticó el calendario, que considera demasiado ajustado, y recordó la reforma de la
            piscina municipal, que al final duró el doble de lo previsto por el gobierno local.</p>
            """;

    private static String extracted(String html) {
        return new MainContentExtractor()
                .extract(Jsoup.parse(html, "https://example.org/2023/11/06/mercado"), false)
                .text();
    }

    @Test
    void aReadAlsoBoxCarryingItsOwnLabelLeavesWholeEvenBeforeAHeading() {
        String text = extracted(HEAD + FIRST + """
                <div class="insert"><div class="title">Lee también...</div>
                <div class="box"><a href="/2023/11/05/piscina"></a>
                <a href="/2023/11/05/piscina">La piscina municipal reabre tras cuatro años de obras</a></div></div>
                <h2>Lo que cuesta</h2>
                """ + SECOND + TAIL);

        assertThat(text)
                .contains("el mercado semanal", "Lo que cuesta", "once millones")
                .doesNotContain("Lee también", "La piscina municipal reabre");
    }

    @Test
    void theHeadOfATeaserBoxLeavesWithTheTeaser() {
        String text = extracted(HEAD + FIRST + """
                <div class="contentbox"><div class="boxhead">Descargue este guion en PDF</div>
                <div class="teaser"><h2><a href="/guion-16.pdf">(16) El guion completo del episodio</a></h2></div></div>
                """ + SECOND + TAIL);

        assertThat(text)
                .contains("el mercado semanal", "once millones")
                .doesNotContain("Descargue este guion", "El guion completo");
    }

    @Test
    void aBoxAroundAFormThatPostsLeaves() {
        String text = extracted(HEAD + FIRST + """
                <div class="flyout"><div class="media"><span class="h4">¡Ayúdenos!</span>
                <p>Cada pequeña donación ayuda a las personas necesitadas.</p></div>
                <form action="/donar" method="post"><input type="hidden" name="fin" value="152">
                <button type="submit">Donar</button></form></div>
                """ + SECOND + TAIL);

        assertThat(text).contains("el mercado semanal", "once millones").doesNotContain("Ayúdenos", "pequeña donación");
    }

    @Test
    void aFormThatOnlyGetsStays() {
        String text = extracted(HEAD + FIRST + """
                <form class="ingredients"><span>Para 12 porciones</span>
                <ul><li>500 g de harina</li><li>200 g de azúcar</li><li>4 huevos</li></ul></form>
                """ + SECOND + TAIL);

        assertThat(text).contains("Para 12 porciones", "500 g de harina", "4 huevos");
    }

    @Test
    void twoLabelledDatesOnOneLineAndAQuestionsRecordAreFurniture() {
        assertThat(Furniture.isFurniture("Pubblicato il 19 Febbraio 2020 Ultima modifica 19 Febbraio 2020 12:02"))
                .isTrue();
        assertThat(Furniture.isFurniture("Asked 8 years, 2 months ago")).isTrue();
        assertThat(Furniture.isFurniture("Modified today")).isTrue();
        assertThat(Furniture.isFurniture("Viewed 38k times")).isTrue();
        assertThat(Furniture.isFurniture("19 Febbraio 2020 e 20 Febbraio 2020")).isFalse();
        assertThat(Furniture.isFurniture("Asked about the delay, the mayor said the work was on time."))
                .isFalse();
    }
}
