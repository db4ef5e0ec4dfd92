package dev.mcpweb.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.config.Config;
import dev.mcpweb.document.Document;
import dev.mcpweb.fetch.FetchResult;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EncodingTest {
    private static final String FRENCH = "Le café où nous déjeunions était très agréable. Ça coûte cher, mais Zoë "
            + "préfère l'hôtel près de la forêt. Déjà vu, naïve, à bientôt !";
    private static final String TYPOGRAPHIC = "“Smart quotes” — and an ellipsis… The price is 5 € per café; "
            + "it’s the “naïve” approach – nothing more.";
    private static final String JAPANESE =
            "日本語のテキストです。これは文字コードのテストのための短い文章で、" + "ひらがなとカタカナと漢字が含まれています。東京は日本の首都で、多くの人が住んでいます。";
    private static final String CHINESE = "这是一个用于测试字符编码的中文网页。我们希望程序能够正确地识别简体中文，" + "并输出正确的文本。北京是中国的首都，有很多历史文化古迹。";

    private static final String RUSSIAN = "Москва является столицей России и одним из крупнейших городов мира. "
            + "В городе много музеев, театров и парков, а его история насчитывает более восьми веков. "
            + "Каждый год сюда приезжают миллионы туристов, чтобы увидеть Красную площадь и Кремль.";

    private final Extractor extractor = new Extractor(Config.defaults().extractor());

    static List<Arguments> pages() {
        return List.of(
                Arguments.of("ISO-8859-1", FRENCH),
                Arguments.of("windows-1252", TYPOGRAPHIC),
                Arguments.of("Shift_JIS", JAPANESE),
                Arguments.of("GB2312", CHINESE),
                Arguments.of("KOI8-R", RUSSIAN),
                Arguments.of("windows-1251", RUSSIAN));
    }

    private static byte[] page(String text, Charset charset, String head) {
        return ("<!DOCTYPE html><html><head>" + head + "<title>T</title></head><body><article><p>" + text
                        + "</p></article></body></html>")
                .getBytes(charset);
    }

    private Document extract(byte[] body, Optional<Charset> header) throws ExtractionException {
        URI url = URI.create("https://example.org/page");
        return extractor.extract(new FetchResult(
                url.toString(), url, 200, Map.of(), body, "text/html", header, List.of(), Duration.ZERO));
    }

    @ParameterizedTest(name = "{0} declared in the HTTP header")
    @MethodSource("pages")
    void aPageDecodesWithTheCharsetOfTheHttpHeader(String charset, String text) throws Exception {
        Charset cs = Charset.forName(charset);
        assertThat(extract(page(text, cs, ""), Optional.of(cs)).text()).contains(text);
    }

    @ParameterizedTest(name = "{0} declared in a meta tag")
    @MethodSource("pages")
    void aPageDecodesWithTheCharsetOfItsMetaTag(String charset, String text) throws Exception {
        Charset cs = Charset.forName(charset);
        assertThat(extract(page(text, cs, "<meta charset=\"" + charset.toLowerCase() + "\">"), Optional.empty())
                        .text())
                .contains(text);
        String httpEquiv = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=" + charset + "\">";
        assertThat(extract(page(text, cs, httpEquiv), Optional.empty()).text()).contains(text);
    }

    @ParameterizedTest(name = "{0} detected without any declaration")
    @MethodSource("pages")
    void anUndeclaredPageIsDetected(String charset, String text) throws Exception {
        Charset cs = Charset.forName(charset);
        assertThat(extract(page(text, cs, ""), Optional.empty()).text()).contains(text);
    }

    @ParameterizedTest(name = "{0} detected in plain text")
    @MethodSource("pages")
    void undeclaredPlainTextIsDetected(String charset, String text) throws Exception {
        URI url = URI.create("file:///tmp/notes.txt");
        byte[] body = (text + "\n\n" + text).getBytes(Charset.forName(charset));
        assertThat(extractor.extract(FetchResult.ofBytes(url, "", body)).text()).contains(text);
    }

    @Test
    void aByteOrderMarkWinsOverAWrongDeclaration() throws Exception {
        byte[] html = page(CHINESE, StandardCharsets.UTF_8, "<meta charset=\"gb2312\">");
        byte[] withBom = new byte[html.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(html, 0, withBom, 3, html.length);
        assertThat(extract(withBom, Optional.of(Charset.forName("Shift_JIS"))).text())
                .contains(CHINESE);
    }

    @Test
    void utf16WithAByteOrderMarkIsRead() throws Exception {
        byte[] body = ("\uFEFF" + new String(page(JAPANESE, StandardCharsets.UTF_8, ""), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_16LE);
        assertThat(extract(body, Optional.empty()).text()).contains(JAPANESE);
    }

    @Test
    void utf8MislabelledAsLatin1ByTheServerStillReadsCorrectly() throws Exception {
        byte[] body = page(FRENCH, StandardCharsets.UTF_8, "");
        assertThat(extract(body, Optional.of(StandardCharsets.ISO_8859_1)).text())
                .contains(FRENCH);
    }

    @Test
    void iso88591LabelIsReadAsWindows1252LikeBrowsersDo() throws Exception {
        byte[] body = page(TYPOGRAPHIC, Charset.forName("windows-1252"), "");
        assertThat(extract(body, Optional.of(StandardCharsets.ISO_8859_1)).text())
                .contains(TYPOGRAPHIC);
    }

    @Test
    void anUnknownCharsetLabelFallsBackToDetection() throws Exception {
        byte[] body = page(JAPANESE, Charset.forName("Shift_JIS"), "<meta charset=\"x-no-such-charset\">");
        assertThat(extract(body, Optional.empty()).text()).contains(JAPANESE);
    }

    @Test
    void eucJpAndBig5AndEucKrAreDetectedToo() throws Exception {
        String korean = "한국어 문서입니다. 이 페이지는 문자 인코딩을 확인하기 위한 짧은 글입니다. 서울은 대한민국의 수도입니다.";
        String traditional = "這是一個用於測試字元編碼的中文網頁。我們希望程式能夠正確地識別繁體中文，並輸出正確的文字。";
        assertThat(extract(page(JAPANESE, Charset.forName("EUC-JP"), ""), Optional.empty())
                        .text())
                .contains(JAPANESE);
        assertThat(extract(page(korean, Charset.forName("EUC-KR"), ""), Optional.empty())
                        .text())
                .contains(korean);
        assertThat(extract(page(traditional, Charset.forName("Big5"), ""), Optional.empty())
                        .text())
                .contains(traditional);
    }
}
