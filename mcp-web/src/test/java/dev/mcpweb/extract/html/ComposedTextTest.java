package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.RandomText;
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
        BitSet combines = codePointsAfterTheFirstOfADecomposition();
        int taken = 0;
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String one = Character.toString(c);
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE || !Renderer.plainlyComposed(one)) {
                continue;
            }
            taken++;
            assertThat(Normalizer.normalize(one, Normalizer.Form.NFC))
                    .as("U+%04X", c)
                    .isEqualTo(one);
            assertThat(combines.get(c))
                    .as("U+%04X combines with what precedes it", c)
                    .isFalse();
            // no combining class: a mark of class 230 before it or of 220 after it would be out of order
            assertThat(Normalizer.isNormalized("x\u0301" + one, Normalizer.Form.NFC))
                    .as("U+%04X", c)
                    .isTrue();
            assertThat(Normalizer.isNormalized("x" + one + "\u0316", Normalizer.Form.NFC))
                    .as("U+%04X", c)
                    .isTrue();
        }
        assertThat(taken).isGreaterThan(25_000);
    }

    @Test
    void textsOfPlainCharactersAreComposedAndOthersAreLeftToTheNormalizer() {
        assertThat(Renderer.plainlyComposed("Größe – „Zitat“ … Ёлка 東京")).isFalse(); // Ё is composed of two
        assertThat(Renderer.plainlyComposed("Größe – „Zitat“ … Елка 東京")).isTrue();
        assertThat(Renderer.plainlyComposed("e\u0301")).isFalse();
        assertThat(Renderer.plainlyComposed("Ok \ud83d\ude42 \u2705\ufe0f")).isTrue();
        assertThat(Renderer.plainlyComposed("\ud834\udd5e")).isFalse(); // a musical note composed of two
        assertThat(Renderer.plainlyComposed("\ud83d")).isFalse(); // a lone surrogate
        Random random = new Random(14);
        String alphabet = "aeÀé ß\u2013\u201c\u2026Жж中\u0301\u0308\u3099か\u219a\u0338\u2192\u03b1\u03ac\ud83d\ude42";
        for (int i = 0; i < 100_000; i++) {
            String text = RandomText.of(random, alphabet, 8);
            if (Renderer.plainlyComposed(text)) {
                assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC))
                        .as(text)
                        .isTrue();
            }
        }
    }

    /** The code points that follow the first in the canonical decomposition of some character. */
    private static BitSet codePointsAfterTheFirstOfADecomposition() {
        BitSet after = new BitSet(Character.MAX_CODE_POINT + 1);
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                continue;
            }
            int[] d = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD)
                    .codePoints()
                    .toArray();
            for (int i = 1; i < d.length; i++) {
                after.set(d[i]);
            }
        }
        return after;
    }
}
