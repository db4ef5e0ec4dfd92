package dev.mcpweb.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.mcpweb.document.Document;
import dev.mcpweb.document.Metadata;
import dev.mcpweb.summarize.Summary;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Of two copies of a page, the original is kept and cited whichever was read first. */
class DuplicatesTest {
    private static final String STORY = ("The diaphone fog signal at Skerry Point was installed in 1912, replacing a"
                    + " reed horn that ships could not hear past the reef in a westerly gale. The keepers wound the"
                    + " compressor by hand until the engine house was built two years later, and the signal sounded"
                    + " two blasts every minute whenever the fog came in from the sea over the rocks.")
            .repeat(2);
    private static final String OTHER = ("Puffins nest on the north cliff from April, and the society counts them"
                    + " every June from the gallery of the tower with a pair of old brass telescopes lent by the"
                    + " harbour master, who kept the tally himself for thirty years before the survey began.")
            .repeat(2);

    @Test
    void wordsAreCountedAsSplittingTheStrippedTextOnWhiteSpaceCountsThem() {
        List<String> texts = List.of(
                "",
                " ",
                "one",
                " one ",
                "one two",
                "one  two\tthree\n",
                "\u2003one\u00a0two\u2003",
                "a\u000Bb\fc\rd e");
        for (String text : texts) {
            int words = text.strip().split("\\s+").length;
            for (int n = 1; n <= 6; n++) {
                assertThat(Duplicates.hasWords(text, n))
                        .as("%s: %d words", text, n)
                        .isEqualTo(words >= n);
            }
        }
    }

    @Test
    void aPrintCopyReadFirstGivesItsPlaceToTheOriginalAndIsItsDuplicate() {
        Document print = page("https://coast.example.org/print/fog-signal", STORY, Optional.empty());
        Document other = page("https://coast.example.org/puffins", OTHER, Optional.empty());
        Document original = page("https://coast.example.org/history/fog-signal", STORY, Optional.empty());

        Duplicates d = Duplicates.among(List.of(print, other, original));

        assertThat(d.kept()).containsExactly(original, other);
        assertThat(d.copies())
                .extracting(Summary.Duplicate::url, Summary.Duplicate::of)
                .containsExactly(tuple("https://coast.example.org/print/fog-signal", 1));
    }

    @Test
    void aCanonicalLinkDecidesWhichCopyIsTheOriginalWhateverTheUrlsSay() {
        // the syndicated copy says where the story is from; neither URL has a marker
        Document syndicated = page(
                "https://news.example.net/2026/fog",
                STORY,
                Optional.of(URI.create("https://coast.example.org/history/fog-signal")));
        Document original = page("https://coast.example.org/history/fog-signal", STORY, Optional.empty());
        assertThat(Duplicates.among(List.of(syndicated, original)).kept()).containsExactly(original);

        // an AMP page that names itself canonical still gives way to the page the other names
        Document amp = page(
                "https://coast.example.org/amp/fog",
                STORY,
                Optional.of(URI.create("https://coast.example.org/amp/fog")));
        Document article = page(
                "https://coast.example.org/fog", STORY, Optional.of(URI.create("https://coast.example.org/amp/fog")));
        assertThat(Duplicates.among(List.of(article, amp)).kept()).containsExactly(amp);
    }

    @Test
    void printAndAmpMarkersAreToldFromOrdinaryUrls() {
        assertThat(List.of(
                        "https://e.org/story?print=1",
                        "https://e.org/story?view=print",
                        "https://e.org/amp/story",
                        "https://e.org/story/amp",
                        "https://e.org/story.amp.html",
                        "https://amp.e.org/story",
                        "https://e.org/print/story.html",
                        "https://e.org/story/printable"))
                .allMatch(u -> Duplicates.hasCopyMarker(URI.create(u)));
        assertThat(List.of(
                        "https://e.org/story?print=0",
                        "https://e.org/printing-press",
                        "https://e.org/examples/amplifier",
                        "https://e.org/story"))
                .noneMatch(u -> Duplicates.hasCopyMarker(URI.create(u)));
    }

    @Test
    void betweenTwoPlainCopiesTheFirstReadStaysKept() {
        Document mirror = page("https://mirror.example.net/fog-signal", STORY, Optional.empty());
        Document original = page("https://coast.example.org/history/fog-signal", STORY, Optional.empty());

        assertThat(Duplicates.among(List.of(mirror, original)).kept()).containsExactly(mirror);
    }

    private static Document page(String url, String text, Optional<URI> canonical) {
        Metadata metadata = new Metadata(
                Optional.of("The fog signal"),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                canonical,
                List.of());
        return new Document(URI.create(url), metadata, text, text, List.of(), List.of(), List.of());
    }
}
