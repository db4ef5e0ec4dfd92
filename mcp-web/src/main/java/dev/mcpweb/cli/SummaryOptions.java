package dev.mcpweb.cli;

import dev.mcpweb.config.MapMode;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/** The summary's length, map mode and LLM-call budget, for the commands that summarize ({@code @Mixin}). */
final class SummaryOptions {
    @Option(
            names = "--max-length",
            paramLabel = "WORDS",
            description = "Summary length in words (summarizer.max_length).")
    Integer maxLength;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            description = "Map phase: ${COMPLETION-CANDIDATES} (summarizer.mode).",
            completionCandidates = ModeNames.class)
    String mode;

    @Option(
            names = "--max-llm-calls",
            paramLabel = "N",
            description = "LLM calls the summary may make (summarizer.max_llm_calls).")
    Integer maxLlmCalls;

    /** {@code --mode} and {@code --max-llm-calls} as options, so that a bad value is reported against the flag. */
    FlagSettings flags() {
        return new FlagSettings()
                .put("--mode", "summarizer.mode", mode)
                .put("--max-llm-calls", "summarizer.max_llm_calls", maxLlmCalls);
    }

    OptionalInt maxLength() {
        return maxLength == null ? OptionalInt.empty() : OptionalInt.of(maxLength);
    }

    Optional<MapMode> mode() {
        return Optional.ofNullable(mode).map(MapMode::of);
    }

    /** The map modes' names, for --mode's help. */
    static final class ModeNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return MapMode.ids().iterator();
        }
    }
}
