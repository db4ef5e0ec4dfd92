package dev.mcpweb.summarize;

import dev.mcpweb.chunk.Chunk;
import java.util.Optional;

/** One map output (or its failure) for {@code chunk}. */
record MapResult(Chunk chunk, Optional<String> text, Optional<String> failure) {
    static MapResult failed(Chunk chunk, String why) {
        return new MapResult(chunk, Optional.empty(), Optional.of(why));
    }

    /** {@code “Section”} with a leading space, or nothing for a chunk outside any heading. */
    static String sectionName(Chunk c) {
        return c.headingPath().isEmpty() ? "" : " “" + c.section() + "”";
    }
}
