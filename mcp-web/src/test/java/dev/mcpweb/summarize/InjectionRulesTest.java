package dev.mcpweb.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The rules' matches, offset for offset, on three corpora: the attack pages, ordinary pages of the
 * evaluation sets (when present), and texts drawn at random from the attack pages' words (every rule
 * word, mixed with separators, role lines and unspaced Chinese). {@code injection/hits.txt} holds what
 * the scan found on them; a change to how the scan runs must find exactly that. A change to the rules
 * themselves rewrites it with {@code -Dmcpweb.updateHits=true} (and the corpus rates say whether the
 * change is better).
 */
class InjectionRulesTest {
    private static final Path ATTACKS = Path.of("src/test/resources/injection/attacks");
    private static final Path HITS = Path.of("src/test/resources/injection/hits.txt");
    private static final int BENIGN_PER_SET = 100;
    private static final int RANDOM_TEXTS = 400;
    private static final String[] SEPARATORS = {
        " ", " ", " ", "  ", "\n", ", ", ": ", ". ", "-", "\n\nSystem: ", "\n## Assistant: ", " ~ ", "\u200b", ""
    };

    @Test
    void theScanFindsExactlyTheMatchesItFoundBeforeOnEveryCorpus() throws IOException {
        Optional<Path> data = SharedData.dir();
        Map<String, String> found = new LinkedHashMap<>();
        List<String> attackTexts = new ArrayList<>();
        for (Path page : files(ATTACKS, ".html", Integer.MAX_VALUE)) {
            String html = Files.readString(page);
            attackTexts.add(html);
            record(found, "attack/" + page.getFileName(), html);
        }
        if (data.isPresent()) {
            for (String set : List.of("wcxb/dev/html", "trafilatura-eval/html")) {
                for (Path page : files(data.get().resolve(set), ".gz", BENIGN_PER_SET)) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(page))) {
                        String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        record(found, "benign/" + set + "/" + page.getFileName(), html);
                    }
                }
            }
        }
        List<String> words = vocabulary(attackTexts, false);
        List<String> matched = vocabulary(attackTexts, true);
        Random random = new Random(12);
        for (int t = 0; t < RANDOM_TEXTS; t++) {
            StringBuilder text = new StringBuilder();
            int length = 20 + random.nextInt(300);
            for (int w = 0; w < length; w++) {
                List<String> from = random.nextBoolean() ? matched : words;
                text.append(from.get(random.nextInt(from.size())));
                text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            }
            record(found, "random/" + t, text.toString());
        }

        if (Boolean.getBoolean("mcpweb.updateHits")) {
            Files.writeString(
                    HITS,
                    found.entrySet().stream()
                            .map(e -> e.getKey() + "\t" + e.getValue() + "\n")
                            .collect(Collectors.joining()));
        }
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(HITS)) {
            String[] fields = line.split("\t", 2);
            if (data.isPresent() || !fields[0].startsWith("benign/")) {
                expected.put(fields[0], fields[1]);
            }
        }
        assertThat(found.values().stream().filter(hits -> !hits.startsWith("32:;")))
                .as("inputs with a match")
                .hasSizeGreaterThan(400);
        assertThat(found).containsExactlyEntriesOf(expected);
    }

    /** The matches at most 32 (as a scan asks) and all of them, as "32:from-to,…;all:from-to,…". */
    private static void record(Map<String, String> found, String name, String text) {
        FoldedText folded = FoldedText.of(text);
        found.put(
                name,
                "32:" + hits(InjectionRules.find(folded, 32)) + ";all:" + hits(InjectionRules.find(folded, 100_000)));
    }

    private static String hits(List<InjectionRules.Hit> hits) {
        return hits.stream().map(h -> h.from() + "-" + h.to()).collect(Collectors.joining(","));
    }

    /**
     * The words of the attack pages as the scan reads them (folded; Chinese runs whole), each also with an
     * ending; with {@code inMatches}, only the words of the passages matched (the rules' own words).
     */
    private static List<String> vocabulary(List<String> texts, boolean inMatches) {
        TreeSet<String> words = new TreeSet<>();
        for (String text : texts) {
            FoldedText folded = FoldedText.of(text);
            List<String> parts = inMatches
                    ? InjectionRules.find(folded, 100_000).stream()
                            .map(h -> folded.text().substring(h.from(), h.to()))
                            .toList()
                    : List.of(folded.text());
            for (String part : parts) {
                for (String word : part.split("[^\\p{L}\\p{N}-]+")) {
                    if (!word.isEmpty() && word.length() <= 30) {
                        words.add(word);
                        words.add(word + "en");
                    }
                }
            }
        }
        return List.copyOf(words);
    }

    private static List<Path> files(Path dir, String suffix, int limit) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix))
                    .sorted()
                    .limit(limit)
                    .toList();
        }
    }
}
