package dev.mcpweb;

import java.util.Random;

/** Generated strings for the tests that check a hand-written scan against the regex or JDK call it replaces. */
public final class RandomText {
    private RandomText() {}

    /** A string of fewer than {@code bound} characters, each drawn from {@code alphabet}. */
    public static String of(Random random, String alphabet, int bound) {
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(bound); n > 0; n--) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
