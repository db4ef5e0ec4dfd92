package dev.mcpweb.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpweb.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * The threshold measured on real pages (WCXB development set): copies of a page fall within
 * {@link Duplicates#MAX_DISTANCE}, different pages of one site outside it. Prints the distances
 * (docs/limits.md quotes them).
 */
class SimHashTest {
    private static final String HEADER = "Syndicated from the Morning Wire news service. Subscribe to our newsletter"
            + " for the latest stories, follow us on social media and read more from our partners today.";

    @Test
    void sameTextIsZeroBitsAwayAndUnrelatedTextsAboutHalf() {
        String a = "the quick brown fox jumps over the lazy dog while the cat sleeps on the warm mat ".repeat(5);
        String b = "stock markets fell sharply on monday as investors weighed new figures on inflation and jobs";
        assertEquals(0, SimHash.distance(SimHash.of(a), SimHash.of(a.toUpperCase() + "!")));
        assertTrue(SimHash.distance(SimHash.of(a), SimHash.of(b)) > Duplicates.MAX_DISTANCE);
    }

    @Test
    void thresholdSeparatesCopiesFromOtherPagesOfTheSameSite() throws IOException {
        Path dev = SharedData.dir("wcxb", "dev").orElse(null);
        assumeTrue(dev != null, "WCXB data not present");
        Map<String, List<String>> bySite = new HashMap<>();
        List<int[]> copies = new ArrayList<>(); // edited, syndicated, print-like distance per page
        List<Integer> others = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        List<Path> truths;
        try (Stream<Path> files = Files.list(dev.resolve("ground-truth"))) {
            truths = files.sorted().toList();
        }
        for (Path truth : truths) {
            JsonNode page = json.readTree(truth.toFile());
            String text = page.path("ground_truth").path("main_content").asText("");
            if (text.split("\\s+").length < 300) {
                continue;
            }
            String host = URI.create(page.path("url").asText("http://unknown/")).getHost();
            bySite.computeIfAbsent(String.valueOf(host), h -> new ArrayList<>()).add(text);
            if (copies.size() < 200) {
                long print = SimHash.of(text);
                String id = truth.getFileName().toString().replace(".json", "");
                String fullPage = Jsoup.parse(html(dev.resolve("html").resolve(id + ".html.gz")))
                        .body()
                        .text();
                copies.add(new int[] {
                    SimHash.distance(print, SimHash.of(edited(text))),
                    SimHash.distance(print, SimHash.of(HEADER + "\n" + text + "\n" + HEADER)),
                    SimHash.distance(print, SimHash.of(fullPage))
                });
            }
        }
        for (List<String> site : bySite.values()) {
            for (int i = 0; i < site.size(); i++) {
                for (int j = i + 1; j < site.size(); j++) {
                    others.add(SimHash.distance(SimHash.of(site.get(i)), SimHash.of(site.get(j))));
                }
            }
        }
        int[] edited = copies.stream().mapToInt(c -> c[0]).sorted().toArray();
        int[] syndicated = copies.stream().mapToInt(c -> c[1]).sorted().toArray();
        int[] printLike = copies.stream().mapToInt(c -> c[2]).sorted().toArray();
        int[] different = others.stream().mapToInt(Integer::intValue).sorted().toArray();
        System.err.printf(
                "SimHash distances over %d pages, %d same-site pairs:%n edited copy %s%n syndicated copy %s%n"
                        + " print-like (whole page text vs main text) %s%n different pages of a site %s%n",
                copies.size(),
                different.length,
                summary(edited),
                summary(syndicated),
                summary(printLike),
                summary(different));
        // nine copies in ten caught, fewer than one pair of different pages in a hundred merged
        assertTrue(edited[edited.length * 9 / 10] <= Duplicates.MAX_DISTANCE, summary(edited));
        assertTrue(syndicated[syndicated.length * 9 / 10] <= Duplicates.MAX_DISTANCE, summary(syndicated));
        assertTrue(different[different.length / 100] > Duplicates.MAX_DISTANCE, summary(different));
    }

    /** One word in 60 changed: a light edit. */
    private static String edited(String text) {
        String[] words = text.split(" ");
        for (int i = 0; i < words.length; i += 60) {
            words[i] = "changed";
        }
        return String.join(" ", words);
    }

    private static String html(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String summary(int[] sorted) {
        return "min " + sorted[0] + ", median " + sorted[sorted.length / 2] + ", p90 "
                + sorted[sorted.length * 9 / 10] + ", max " + sorted[sorted.length - 1] + " "
                + Arrays.toString(Arrays.copyOf(sorted, Math.min(5, sorted.length))) + "…";
    }
}
