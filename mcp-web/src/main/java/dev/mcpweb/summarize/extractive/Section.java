package dev.mcpweb.summarize.extractive;

import java.util.Optional;

/** A heading of one source ({@code heading} empty for the text before the first heading) and its parent. */
record Section(int index, int source, int level, Optional<String> heading, Optional<Section> parent) {
    /** The heading texts from the top of the document down to this one, joined. */
    String path() {
        String own = heading.orElse("");
        return parent.map(p -> p.path() + " " + own).orElse(own).strip();
    }
}
