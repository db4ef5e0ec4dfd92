package dev.mcpweb.summarize;

import dev.mcpweb.chunk.Chunk;
import dev.mcpweb.llm.LlmException;
import dev.mcpweb.llm.LlmProvider;
import dev.mcpweb.llm.LlmRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The map call on one chunk: its prompt (the chunk cut, with a warning, when it would not fit the
 * window), its notes from the {@link NoteStore} when an earlier summary made the same call, else from
 * the model. A failed call is a failed {@link MapResult}, so one section cannot sink the others.
 */
final class MapCall {
    private final Brief brief;
    private final WindowBudget budget;
    private final NoteSizer sizer;
    private final NoteStore notes;
    private final LlmProvider provider;
    private final double temperature;
    private final SummaryRun run;
    private final String system;
    private final int systemTokens;

    MapCall(
            Brief brief,
            WindowBudget budget,
            NoteStore notes,
            LlmProvider provider,
            double temperature,
            SummaryRun run) {
        this.brief = brief;
        this.budget = budget;
        this.sizer = new NoteSizer(budget.tokens());
        this.notes = notes;
        this.provider = provider;
        this.temperature = temperature;
        this.run = run;
        this.system = Prompts.mapSystem(brief.tag(), brief.query());
        this.systemTokens = budget.count(system);
    }

    /** Throws only when the summary was cancelled. */
    MapResult take(Chunk c) throws InterruptedException {
        String tag = brief.tag();
        String title = brief.sources().get(c.source() - 1).title();
        int out = budget.output(c.tokens() / 4);
        String user = Prompts.mapUser(tag, c, title, brief.query(), out * 3 / 4);
        // The chunk's own count plus the prompt around it: no need to count the chunk text again.
        Chunk bare = new Chunk(c.index(), c.source(), c.headingPath(), "", c.start(), c.end(), 0);
        int promptTokens = systemTokens
                + budget.count(Prompts.mapUser(tag, bare, title, brief.query(), out * 3 / 4))
                + c.tokens()
                + 2;
        int over = promptTokens + out + WindowBudget.SAFETY_TOKENS - budget.contextWindow();
        if (over > 0) {
            Chunk cut = new Chunk(
                    c.index(),
                    c.source(),
                    c.headingPath(),
                    sizer.cut(c.text(), Math.max(1, c.tokens() - over)),
                    c.start(),
                    c.end(),
                    c.tokens());
            user = Prompts.mapUser(tag, cut, title, brief.query(), out * 3 / 4);
            run.warnings()
                    .add("A section of source [" + c.source() + "]" + MapResult.sectionName(c)
                            + " was too long for the model and was cut.");
        }
        LlmRequest request = new LlmRequest(system, user, out, temperature);
        try {
            String text = notes.notes(
                    key(request), () -> run.calls().complete(request).text());
            return new MapResult(c, Optional.of(text), Optional.empty());
        } catch (LlmException e) {
            if (e.kind() == LlmException.Kind.CANCELLED
                    || Thread.currentThread().isInterrupted()) {
                throw new InterruptedException(e.getMessage());
            }
            return MapResult.failed(c, e.getMessage());
        } catch (RuntimeException e) { // a provider bug must not sink the other sections
            return MapResult.failed(c, e.toString());
        }
    }

    /** Everything that decides a map output: prompt version, model, the prompt itself, budget, temperature. */
    String key(LlmRequest request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(
                    Prompts.VERSION,
                    provider.name(),
                    provider.model(),
                    request.system(),
                    request.user(),
                    Integer.toString(request.maxTokens()),
                    Double.toString(request.temperature()))) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
