package dev.mcpweb.text;

/**
 * Comparing text with case ignored for A to Z alone: what a regex's {@code (?i)} compares without
 * {@code UNICODE_CASE}, and what searching a {@code toLowerCase(Locale.ROOT)} copy for an ASCII word
 * finds, without making the copy.
 */
public final class AsciiCase {
    private AsciiCase() {}

    /** {@code c} with A to Z made small; every other character as it is. */
    public static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** Whether {@code s} reads {@code lowerCase} from {@code at} on, its letters A to Z in either case. */
    public static boolean startsWith(String s, int at, String lowerCase) {
        if (at + lowerCase.length() > s.length()) {
            return false;
        }
        for (int i = 0; i < lowerCase.length(); i++) {
            if (lower(s.charAt(at + i)) != lowerCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
