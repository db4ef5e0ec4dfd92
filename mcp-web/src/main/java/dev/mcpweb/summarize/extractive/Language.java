package dev.mcpweb.summarize.extractive;

import dev.mcpweb.document.Document;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopwordAnalyzerBase;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.bn.BengaliAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.et.EstonianAnalyzer;
import org.apache.lucene.analysis.eu.BasqueAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ga.IrishAnalyzer;
import org.apache.lucene.analysis.gl.GalicianAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.hy.ArmenianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.lt.LithuanianAnalyzer;
import org.apache.lucene.analysis.lv.LatvianAnalyzer;
import org.apache.lucene.analysis.ne.NepaliAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.sr.SerbianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.ta.TamilAnalyzer;
import org.apache.lucene.analysis.te.TeluguAnalyzer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * The language a summary's text is analysed in, and Lucene's analyzer for it (tokens, stop words,
 * stemming). The language is the one the pages declare, else the one whose stop words their text
 * uses most, else English. A declared language Lucene has no analyzer for gets tokens and lower case
 * only: no stemmer is better than another language's.
 */
final class Language {
    private Language() {}

    private static final Map<String, Supplier<org.apache.lucene.analysis.Analyzer>> ANALYZERS = Map.ofEntries(
            Map.entry("ar", ArabicAnalyzer::new),
            Map.entry("bg", BulgarianAnalyzer::new),
            Map.entry("bn", BengaliAnalyzer::new),
            Map.entry("ca", CatalanAnalyzer::new),
            Map.entry("cs", CzechAnalyzer::new),
            Map.entry("da", DanishAnalyzer::new),
            Map.entry("de", GermanAnalyzer::new),
            Map.entry("el", GreekAnalyzer::new),
            Map.entry("en", Language::english),
            Map.entry("es", SpanishAnalyzer::new),
            Map.entry("et", EstonianAnalyzer::new),
            Map.entry("eu", BasqueAnalyzer::new),
            Map.entry("fa", PersianAnalyzer::new),
            Map.entry("fi", FinnishAnalyzer::new),
            Map.entry("fr", FrenchAnalyzer::new),
            Map.entry("ga", IrishAnalyzer::new),
            Map.entry("gl", GalicianAnalyzer::new),
            Map.entry("hi", HindiAnalyzer::new),
            Map.entry("hu", HungarianAnalyzer::new),
            Map.entry("hy", ArmenianAnalyzer::new),
            Map.entry("id", IndonesianAnalyzer::new),
            Map.entry("it", ItalianAnalyzer::new),
            Map.entry("ja", CJKAnalyzer::new),
            Map.entry("ko", CJKAnalyzer::new),
            Map.entry("lt", LithuanianAnalyzer::new),
            Map.entry("lv", LatvianAnalyzer::new),
            Map.entry("nb", NorwegianAnalyzer::new),
            Map.entry("ne", NepaliAnalyzer::new),
            Map.entry("nl", DutchAnalyzer::new),
            Map.entry("nn", NorwegianAnalyzer::new),
            Map.entry("no", NorwegianAnalyzer::new),
            Map.entry("pt", PortugueseAnalyzer::new),
            Map.entry("ro", RomanianAnalyzer::new),
            Map.entry("ru", RussianAnalyzer::new),
            Map.entry("sr", SerbianAnalyzer::new),
            Map.entry("sv", SwedishAnalyzer::new),
            Map.entry("ta", TamilAnalyzer::new),
            Map.entry("te", TeluguAnalyzer::new),
            Map.entry("th", ThaiAnalyzer::new),
            Map.entry("tr", TurkishAnalyzer::new),
            Map.entry("zh", CJKAnalyzer::new));

    /** Languages written with spaces between words whose stop words a guess may count. */
    private static final List<String> GUESSABLE =
            List.of("en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "ru", "cs", "hu", "id");

    /**
     * One lazily built analyzer per language, in a map fixed at class load: nothing is added later, whatever
     * codes the pages declare. Lucene's analyzers are thread-safe and keep their token streams per thread.
     */
    private static final Map<String, Lazy> BUILT = ANALYZERS.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> new Lazy(e.getValue())));

    /** Tokens and lower case only, for a language Lucene has no analyzer for. */
    private static final Lazy STANDARD = new Lazy(StandardAnalyzer::new);

    private static final String ENGLISH = "en";
    private static final int GUESS_WORDS = 400;

    /** Lucene's analyzer for the language of {@code documents}. */
    static org.apache.lucene.analysis.Analyzer analyzerFor(List<Document> documents) {
        return analyzer(of(documents));
    }

    /** The language code of {@code documents}: the one declared by most, else a guess from the first one's text. */
    static String of(List<Document> documents) {
        Map<String, Integer> declared = new HashMap<>();
        for (Document d : documents) {
            d.metadata().language().flatMap(Language::code).ifPresent(c -> declared.merge(c, 1, Integer::sum));
        }
        return declared.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElseGet(() ->
                        guess(documents.isEmpty() ? "" : documents.getFirst().text()));
    }

    /** {@code en} from {@code en-US}, {@code EN_gb} or {@code en}; empty for what is not a language tag. */
    static Optional<String> code(String tag) {
        String primary = tag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return primary.matches("[a-z]{2,3}") ? Optional.of(primary) : Optional.empty();
    }

    /**
     * The language whose stop words make up most of the first words of {@code text}; text mostly in
     * Han, kana or Hangul is {@code zh} (one analyzer serves the three); English when nothing stands
     * out.
     */
    static String guess(String text) {
        List<String> words = new ArrayList<>();
        int letters = 0;
        int ideographs = 0;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length() && words.size() < GUESS_WORDS; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letters++;
                if (isIdeographic(cp)) {
                    ideographs++;
                }
                word.appendCodePoint(Character.toLowerCase(cp));
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (ideographs * 3 > letters) {
            return "zh";
        }
        int[] hitsOf = new int[GUESSABLE.size()];
        for (String w : words) {
            int languages = StopWordIndex.LANGUAGES.getOrDefault(w, 0);
            for (int g = 0; languages != 0; g++, languages >>>= 1) {
                hitsOf[g] += languages & 1;
            }
        }
        String best = ENGLISH;
        int bestHits = 0;
        for (int g = 0; g < hitsOf.length; g++) {
            if (hitsOf[g] > bestHits) {
                best = GUESSABLE.get(g);
                bestHits = hitsOf[g];
            }
        }
        // a handful of hits in a long text is noise (names, code), not a language
        return bestHits * 20 >= words.size() ? best : ENGLISH;
    }

    /**
     * For each stop word of a {@link #GUESSABLE} language, the languages it is one of (bit {@code g} for the
     * {@code g}th): one lookup per word of a guess instead of one per word and language. Built on first use.
     * The words of a guess are lower case already, as the sets that ignore case compare them.
     */
    private static final class StopWordIndex {
        static final Map<String, Integer> LANGUAGES = build();

        private static Map<String, Integer> build() {
            Map<String, Integer> languages = new HashMap<>();
            for (int g = 0; g < GUESSABLE.size(); g++) {
                int bit = 1 << g;
                for (Object word : stopWords(GUESSABLE.get(g))) {
                    String w = word instanceof char[] chars ? new String(chars) : word.toString();
                    languages.merge(w, bit, (a, b) -> a | b);
                }
            }
            return Map.copyOf(languages);
        }
    }

    private static CharArraySet stopWords(String code) {
        return analyzer(code) instanceof StopwordAnalyzerBase a
                ? a.getStopwordSet()
                : DutchAnalyzer.getDefaultStopSet();
    }

    private static boolean isIdeographic(int cp) {
        return switch (Character.UnicodeScript.of(cp)) {
            case HAN, HIRAGANA, KATAKANA, HANGUL -> true;
            default -> false;
        };
    }

    static org.apache.lucene.analysis.Analyzer analyzer(String code) {
        return BUILT.getOrDefault(code, STANDARD).get();
    }

    /** An analyzer built on first use, once: most summaries need one language of the forty. */
    private static final class Lazy {
        private final Supplier<org.apache.lucene.analysis.Analyzer> make;
        private volatile org.apache.lucene.analysis.Analyzer built;

        Lazy(Supplier<org.apache.lucene.analysis.Analyzer> make) {
            this.make = make;
        }

        org.apache.lucene.analysis.Analyzer get() {
            org.apache.lucene.analysis.Analyzer a = built;
            if (a == null) {
                synchronized (this) {
                    a = built;
                    if (a == null) {
                        built = a = make.get();
                    }
                }
            }
            return a;
        }
    }

    /**
     * Snowball's English stop words, larger than Lucene's default list, and words a reader's
     * question is full of that do not tell passages apart ("what do I need to know about…").
     */
    private static EnglishAnalyzer english() {
        try (var in = SnowballFilter.class.getResourceAsStream("english_stop.txt")) {
            CharArraySet stops = new CharArraySet(WordlistLoader.getSnowballWordSet(in, StandardCharsets.UTF_8), false);
            stops.addAll(QUESTION_WORDS);
            return new EnglishAnalyzer(CharArraySet.unmodifiableSet(stops));
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene's English stop words are missing from the class path", e);
        }
    }

    private static final List<String> QUESTION_WORDS = List.of(
            "also",
            "etc",
            "ever",
            "every",
            "get",
            "gets",
            "got",
            "however",
            "just",
            "let",
            "like",
            "may",
            "might",
            "much",
            "must",
            "now",
            "one",
            "per",
            "shall",
            "thus",
            "upon",
            "us",
            "use",
            "used",
            "using",
            "via",
            "whether",
            "will",
            "within",
            "without",
            "yet",
            "way",
            "ways",
            "many",
            "make",
            "makes",
            "made",
            "want",
            "need",
            "know",
            "tell",
            "according",
            "currently",
            "actually",
            "really",
            "thing",
            "things",
            "can",
            "else");
}
