package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The renderer takes a text made only of the characters {@link Renderer#plainlyComposed} accepts to be in
 * composed form without asking the normalizer: each such character must be left as it is by composition,
 * combine with nothing before it and reorder with nothing around it, so that every string of them is.
 */
class ComposedTextTest {

    @Test
    void everyCharacterTakenAsPlainIsComposedWhereverItStands() {
        BitSet combines = charactersAfterTheFirstOfADecomposition();
        int taken = 0;
        for (char c = 0; c < Character.MIN_SURROGATE; c++) {
            if (!Renderer.plainlyComposed(String.valueOf(c))) {
                continue;
            }
            taken++;
            String one = String.valueOf(c);
            assertThat(Normalizer.normalize(one, Normalizer.Form.NFC))
                    .as("U+%04X", (int) c)
                    .isEqualTo(one);
            assertThat(combines.get(c))
                    .as("U+%04X combines with what precedes it", (int) c)
                    .isFalse();
            // no combining class: a mark of class 230 before it or of 220 after it would be out of order
            assertThat(Normalizer.isNormalized("x\u0301" + c, Normalizer.Form.NFC))
                    .as("U+%04X", (int) c)
                    .isTrue();
            assertThat(Normalizer.isNormalized("x" + c + "\u0316", Normalizer.Form.NFC))
                    .as("U+%04X", (int) c)
                    .isTrue();
        }
        assertThat(taken).isGreaterThan(20_000);
    }

    @Test
    void textsOfPlainCharactersAreComposedAndOthersAreLeftToTheNormalizer() {
        assertThat(Renderer.plainlyComposed("Größe – „Zitat“ … Ёлка 東京")).isFalse(); // Ё is composed of two
        assertThat(Renderer.plainlyComposed("Größe – „Zitat“ … Елка 東京")).isTrue();
        assertThat(Renderer.plainlyComposed("e\u0301")).isFalse();
        Random random = new Random(14);
        String alphabet = "aeÀé ß\u2013\u201c\u2026Жж中\u0301\u0308\u3099か";
        for (int i = 0; i < 100_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = s.toString();
            if (Renderer.plainlyComposed(text)) {
                assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC))
                        .as(text)
                        .isTrue();
            }
        }
    }

    /** The characters that follow the first in the canonical decomposition of some character. */
    private static BitSet charactersAfterTheFirstOfADecomposition() {
        BitSet after = new BitSet(Character.MIN_SURROGATE);
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                continue;
            }
            String d = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD);
            for (int i = 1; i < d.length(); i++) {
                after.set(d.charAt(i));
            }
        }
        return after;
    }
}
