package dev.mcpweb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {
    private static Arguments args(Map<String, Object> values) throws Arguments.BadArguments {
        return new Arguments("fetch_url", values, Set.of("url", "urls", "max_length", "format"));
    }

    @Test
    void unknownArgumentsAreNamedWithTheAcceptedOnes() {
        assertThatThrownBy(() -> args(Map.of("ur1", "x")))
                .hasMessage(
                        "fetch_url: unknown argument [ur1]; the accepted arguments are [format, max_length, url, urls].");
    }

    @Test
    void aMissingRequiredStringSaysWhatToSend() {
        assertThatThrownBy(() -> args(Map.of()).requiredString("url", "https://example.com"))
                .hasMessageContaining("'url' is required, e.g. \"url\": \"https://example.com\"");
    }

    @Test
    void wholeNumbersAreAcceptedAsNumbersOrDigitsAndCheckedAgainstTheirRange() throws Exception {
        assertThat(args(Map.of("max_length", 300)).optionalInt("max_length", 1, 1000))
                .hasValue(300);
        assertThat(args(Map.of("max_length", 300.0)).optionalInt("max_length", 1, 1000))
                .hasValue(300);
        assertThat(args(Map.of("max_length", "300")).optionalInt("max_length", 1, 1000))
                .hasValue(300);
        assertThatThrownBy(() -> args(Map.of("max_length", 2.5)).optionalInt("max_length", 1, 1000))
                .hasMessageContaining("whole number between 1 and 1000");
        assertThatThrownBy(() -> args(Map.of("max_length", 0)).optionalInt("max_length", 1, 1000))
                .hasMessageContaining("between 1 and 1000; got 0");
    }

    @Test
    void aLoneStringIsForgivenWhereAListIsExpected() throws Exception {
        assertThat(args(Map.of("urls", "https://a.example")).requiredStrings("urls", 5, "x"))
                .containsExactly("https://a.example");
        assertThatThrownBy(() -> args(Map.of("urls", List.of())).requiredStrings("urls", 5, "x"))
                .hasMessageContaining("1 to 5 entries");
    }

    @Test
    void choicesListTheAllowedValues() throws Exception {
        assertThat(args(Map.of("format", "text")).optionalChoice("format", List.of("markdown", "text")))
                .isEqualTo(Optional.of("text"));
        assertThatThrownBy(() -> args(Map.of("format", "pdf")).optionalChoice("format", List.of("markdown", "text")))
                .hasMessageContaining("must be one of [markdown, text], not \"pdf\"");
    }

    @Test
    void pagesCoverTheContentWithoutGapsAndNeverSplitASurrogatePair() {
        String content = "ab😀cd"; // the emoji is two chars
        Tools.Page first = Tools.Page.of(content, 0, 3);
        assertThat(first.text()).isEqualTo("ab");
        assertThat(first.next()).hasValue(2);
        Tools.Page second = Tools.Page.of(content, 2, 3);
        assertThat(second.text()).isEqualTo("😀c");
        Tools.Page last = Tools.Page.of(content, 5, 3);
        assertThat(last.text()).isEqualTo("d");
        assertThat(last.next()).isEmpty();
        assertThat(Tools.Page.of(content, 6, 3).isPastEnd()).isTrue();
    }
}
