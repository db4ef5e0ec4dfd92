package dev.mcpweb.dedup;

import dev.mcpweb.crawl.Urls;
import dev.mcpweb.document.Document;
import dev.mcpweb.summarize.Summary;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Sources with the duplicates left out, first copy kept: a later source is a duplicate of an earlier
 * kept one when their URLs have the same normal form (tracking parameters, fragment and session ids
 * dropped) or when their texts' {@link SimHash} fingerprints are at most {@link #MAX_DISTANCE} bits
 * apart (print versions, mirrors, syndicated copies under another header).
 */
public record Duplicates(List<Document> kept, List<Summary.Duplicate> copies) {
    /**
     * Measured on /work/shared/data pages (docs/limits.md): a copy with another header or a few edits
     * is 0–6 bits away, different pages of one site 18 or more.
     */
    public static final int MAX_DISTANCE = 10;

    /** Texts shorter than this are only matched by URL: a few words say too little to call two pages copies. */
    static final int MIN_WORDS = 50;

    public Duplicates {
        kept = List.copyOf(kept);
        copies = List.copyOf(copies);
    }

    /** {@code sources} in order, each either kept or a duplicate of the kept source it copies. */
    public static Duplicates among(List<Document> sources) {
        List<Document> kept = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<Long> prints = new ArrayList<>();
        List<Summary.Duplicate> copies = new ArrayList<>();
        for (Document d : sources) {
            String key = Urls.normalize(d.url().toString())
                    .map(URI::toString)
                    .orElse(d.url().toString());
            boolean longEnough = d.text().strip().split("\\s+").length >= MIN_WORDS;
            long print = SimHash.of(d.text());
            int of = -1;
            for (int i = 0; i < kept.size() && of < 0; i++) {
                if (keys.get(i).equals(key)
                        || longEnough
                                && prints.get(i) != null
                                && SimHash.distance(prints.get(i), print) <= MAX_DISTANCE) {
                    of = i;
                }
            }
            if (of >= 0) {
                copies.add(new Summary.Duplicate(d.title(), d.url().toString(), of + 1));
            } else {
                kept.add(d);
                keys.add(key);
                prints.add(longEnough ? print : null);
            }
        }
        return new Duplicates(kept, copies);
    }
}
