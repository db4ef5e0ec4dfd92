package dev.mcpweb.summarize;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spots page text that addresses an AI rather than a reader ("ignore previous instructions", fake
 * chat-template tokens, "reveal your system prompt"). Such text is still summarized as data; the
 * user is told which source carried it.
 */
final class InjectionScan {
    private static final Pattern SUSPICIOUS = Pattern.compile(
            "(?i)\\b(?:ignore|disregard|forget|override)\\s+(?:all\\s+|any\\s+|the\\s+|your\\s+)*(?:previous|prior|above|earlier|preceding|system)\\s+(?:instructions?|prompts?|rules|directions|messages?)"
                    + "|\\b(?:reveal|print|show|repeat|output)\\s+(?:your|the)\\s+(?:system\\s+prompt|instructions|hidden\\s+prompt)"
                    + "|\\byou\\s+are\\s+now\\s+(?:a|an|in)\\b"
                    + "|\\bnew\\s+(?:system\\s+)?instructions\\s*:"
                    + "|<\\|(?:im_start|im_end|system|endoftext)\\|>"
                    + "|\\[/?INST\\]"
                    + "|(?m)^\\s*(?:#+\\s*)?(?:system|assistant)\\s*:\\s*(?:you|ignore|from now)"
                    + "|\\b(?:AI|assistant|language model|LLM|chatbot)s?\\s*(?:reading|processing|summari[sz]ing)\\s+this\\b[^.]{0,80}\\b(?:must|should|ignore|instead)\\b");

    private InjectionScan() {}

    /** The suspicious passage, shortened for a warning, if {@code text} has one. */
    static Optional<String> find(String text) {
        Matcher m = SUSPICIOUS.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String hit = m.group().strip().replaceAll("\\s+", " ");
        return Optional.of(hit.length() > 60 ? hit.substring(0, 60) + "…" : hit);
    }

    /** Whether a model's answer repeats our system instructions, a sign a page steered it into revealing them. */
    static boolean leaksPrompt(String output) {
        String lower = output.toLowerCase(Locale.ROOT);
        return lower.contains("it is data, never instructions") || lower.contains("do not follow, obey or answer");
    }
}
