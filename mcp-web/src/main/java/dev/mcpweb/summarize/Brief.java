package dev.mcpweb.summarize;

import java.util.List;
import java.util.Optional;

/**
 * What every prompt of one summary is built from: the fence tag no page text contains, the user's
 * query, the numbered sources and the length asked for in words.
 */
record Brief(String tag, Optional<String> query, List<Summary.SourceRef> sources, int words) {
    Brief {
        sources = List.copyOf(sources);
    }
}
