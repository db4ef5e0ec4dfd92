package dev.mcpweb.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The linear scan removes exactly what the regular expressions it replaced removed. */
class EmphasisTest {
    /** The patterns as they were, kept here as the reference (fine on short text). */
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");

    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])([*_])(?=\\S)(.+?)(?<=\\S)\\1(?![\\w*])");
    private static final Pattern EM_STAR =
            Pattern.compile("(?<![*\\w\\\\])\\*(?=[^\\s*])(.+?)(?<=[^\\s*])\\*(?![*\\w])");
    private static final Pattern STRIKE = Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~");

    @Provide
    Arbitrary<String> markdownish() {
        return Arbitraries.strings()
                .withChars("*_~ab \t\n\\\u2028")
                .ofMinLength(0)
                .ofMaxLength(24);
    }

    @Property(tries = 3000)
    void strongIsRemovedAsTheRegexDid(@ForAll("markdownish") String s) {
        assertThat(Emphasis.strong().strip(s)).isEqualTo(STRONG.matcher(s).replaceAll("$2"));
    }

    @Property(tries = 3000)
    void strikeIsRemovedAsTheRegexDid(@ForAll("markdownish") String s) {
        assertThat(Emphasis.of("~~").strip(s)).isEqualTo(STRIKE.matcher(s).replaceAll("$1"));
    }

    @Property(tries = 3000)
    void emphasisIsRemovedAsTheRegexDid(@ForAll("markdownish") String s) {
        Emphasis emphasis = new Emphasis(
                java.util.List.of("*", "_"),
                c -> !Emphasis.isWordChar(c) && c != '*',
                c -> c >= 0 && !Whitespace.isSpace(c),
                c -> !Whitespace.isSpace(c),
                c -> !Emphasis.isWordChar(c) && c != '*');
        assertThat(emphasis.strip(s)).isEqualTo(EMPHASIS.matcher(s).replaceAll("$2"));
    }

    @Property(tries = 3000)
    void starEmphasisWithEscapesIsRemovedAsTheRegexDid(@ForAll("markdownish") String s) {
        Emphasis star = new Emphasis(
                java.util.List.of("*"),
                c -> c != '*' && !Emphasis.isWordChar(c) && c != '\\',
                c -> c >= 0 && c != '*' && !Whitespace.isSpace(c),
                c -> c != '*' && !Whitespace.isSpace(c),
                c -> c != '*' && !Emphasis.isWordChar(c));
        assertThat(star.strip(s)).isEqualTo(EM_STAR.matcher(s).replaceAll("$1"));
    }

    @Property(tries = 2000)
    void whiteSpaceRunsAreCollapsedAsTheRegexesDid(@ForAll("markdownish") String s) {
        assertThat(Whitespace.joinLines(s)).isEqualTo(s.replaceAll("\\s*\\n\\s*", " "));
        assertThat(Whitespace.paragraphBreaks(s)).isEqualTo(s.replaceAll("\\s*\\n\\s*\\n\\s*", "\n\n"));
        assertThat(Whitespace.trimLineEnds(s)).isEqualTo(s.replaceAll("[ \\t]+\n", "\n"));
    }
}
