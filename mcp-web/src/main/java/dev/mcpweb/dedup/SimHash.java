package dev.mcpweb.dedup;

import dev.mcpweb.work.StopToken;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.util.StringHelper;

/**
 * A 64-bit SimHash of a text's word 4-shingles, each hashed with MurmurHash3 (x64, 128 bits, first
 * half): texts that share most of their shingles get fingerprints a few bits apart, so the Hamming
 * distance of two fingerprints estimates how much of one page is a copy of the other.
 */
public final class SimHash {
    static final int SHINGLE_WORDS = 4;
    /** Shingles hashed between two checks of the stop token: a fraction of a millisecond. */
    private static final int CHECK_EVERY = 1024;

    private SimHash() {}

    /** The fingerprint of {@code text}: case and punctuation ignored, words in order. */
    public static long of(String text) {
        return of(text, StopToken.none());
    }

    /** As {@link #of(String)}, checking {@code stop} as it goes (a page of megabytes takes a while). */
    public static long of(String text, StopToken stop) {
        List<String> words = words(text);
        int[] weight = new int[64];
        int shingles = Math.max(1, words.size() - SHINGLE_WORDS + 1);
        for (int i = 0; i < shingles; i++) {
            if (i % CHECK_EVERY == 0) {
                stop.check();
            }
            String shingle = String.join(" ", words.subList(i, Math.min(words.size(), i + SHINGLE_WORDS)));
            byte[] bytes = shingle.getBytes(StandardCharsets.UTF_8);
            long h = StringHelper.murmurhash3_x64_128(bytes, 0, bytes.length, 0)[0];
            for (int bit = 0; bit < 64; bit++) {
                weight[bit] += ((h >>> bit) & 1) == 1 ? 1 : -1;
            }
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (weight[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    /** How many bits {@code a} and {@code b} differ in: 0 for the same text, about 32 for unrelated ones. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }
}
