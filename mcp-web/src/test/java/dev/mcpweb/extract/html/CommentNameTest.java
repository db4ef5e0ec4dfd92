package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CommentNameTest {
    /** The test before {@link CommentSections#mayNameComments} ruled names out: lower-cased, then searched. */
    private static boolean lowerCasedFirst(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return (lower.contains("comment")
                        || lower.contains("disqus")
                        || lower.contains("respond")
                        || lower.contains("reply"))
                && CommentSections.COMMENT_NAME.matcher(lower).find();
    }

    @Test
    void answersAsLowerCasingFirstForGeneratedNamesAndClassAttributes() {
        // the words' letters in both cases, separators, white space, and characters whose case rules reach
        // beyond ASCII: the Kelvin sign, the dotted capital I, the long s
        String alphabet = "commentCOMMENTdisqusDISQUSrespondRESPONDreplyREPLY-_ \t\u212a\u0130\u017f\u00e9x";
        String[] words = {"comment", "Comments", "disqus", "respond", "reply-form", "COMMENT-LIST", "comment-area"};
        Random random = new Random(15);
        int named = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(24); n > 0; n--) {
                if (random.nextInt(8) == 0) {
                    s.append(words[random.nextInt(words.length)]);
                } else {
                    s.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String name = s.toString();
            boolean expected = lowerCasedFirst(name);
            assertThat(CommentSections.isCommentName(name)).as(name).isEqualTo(expected);
            if (!CommentSections.mayNameComments(name)) { // then no name of it as a class attribute does
                assertThat(ClassNames.anyMatch(name, CommentNameTest::lowerCasedFirst))
                        .as(name)
                        .isFalse();
            }
            named += expected ? 1 : 0;
        }
        assertThat(named).isGreaterThan(1_000);
    }
}
