package dev.mcpweb.summarize;

import dev.mcpweb.config.SummarizerConfig;
import dev.mcpweb.llm.Completion;
import dev.mcpweb.llm.LlmException;
import dev.mcpweb.llm.LlmRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The collapse step of the reduce: while the notes do not fit the final call, packs them into groups
 * under the window and has the model combine each group (in parallel), round after round up to
 * {@code summarizer.collapse_max_depth}, stopping early when a round does not shorten them. A group
 * whose call fails keeps its notes. What still does not fit is cut, with a warning.
 */
final class Collapser {
    private final Brief brief;
    private final WindowBudget budget;
    private final NoteSizer sizer;
    private final SummarizerConfig config;
    private final SummaryRun run;

    Collapser(Brief brief, WindowBudget budget, SummarizerConfig config, SummaryRun run) {
        this.brief = brief;
        this.budget = budget;
        this.sizer = new NoteSizer(budget.tokens());
        this.config = config;
        this.run = run;
    }

    /** Notes that fit the final call's prompt beside the instructions and the source list. */
    List<Note> collapse(List<Note> notes) throws SummaryException {
        long t0 = System.nanoTime();
        String tag = brief.tag();
        int finalRoom = budget.room(
                Prompts.finalSystem(tag, brief.query(), brief.sources().size()),
                Prompts.finalUser(tag, "", brief.sources(), brief.query(), brief.words()),
                budget.finalOutput(brief.words()));
        String system = Prompts.collapseSystem(tag, brief.query());
        int groupRoom = budget.room(system, Prompts.collapseUser(tag, "", brief.query(), 1000), config.maxTokens());
        if (groupRoom < WindowBudget.MIN_OUTPUT_TOKENS || finalRoom < WindowBudget.MIN_OUTPUT_TOKENS) {
            throw new SummaryException("the model's context window (" + budget.contextWindow()
                    + " tokens) is too small to "
                    + "combine notes; raise summarizer.context_window or lower summarizer.max_tokens");
        }
        try {
            for (int round = 1;
                    NoteSizer.size(notes) > finalRoom
                            && round <= config.collapseMaxDepth()
                            && run.calls().left() > 1;
                    round++) {
                List<Note> next = round(notes, groupRoom, round, system);
                if (NoteSizer.size(next)
                        >= NoteSizer.size(notes)) { // the model does not shorten: more rounds cannot help
                    notes = next;
                    break;
                }
                notes = next;
            }
        } finally {
            run.metrics().stage("collapse", System.nanoTime() - t0);
        }
        if (NoteSizer.size(notes) > finalRoom) {
            notes = cutToFit(notes, finalRoom);
        }
        return notes;
    }

    /** {@code notes} in source order, packed into groups of at most {@code room} tokens; longer notes are cut. */
    List<List<Note>> groups(List<Note> notes, int room) {
        List<List<Note>> groups = new ArrayList<>();
        List<Note> current = new ArrayList<>();
        int used = 0;
        for (Note note : notes) {
            if (note.cost() > room) {
                note = sizer.note(note.label(), sizer.cut(note.text(), room - budget.count(note.label()) - 4));
                run.warnings()
                        .add("Notes on source " + note.label() + " were longer than the model can take in one call "
                                + "and were cut.");
            }
            int t = note.cost();
            if (!current.isEmpty() && used + t > room) {
                groups.add(current);
                current = new ArrayList<>();
                used = 0;
            }
            current.add(note);
            used += t;
        }
        groups.add(current);
        return groups;
    }

    private List<Note> round(List<Note> notes, int groupRoom, int round, String system) throws SummaryException {
        List<List<Note>> groups = groups(notes, groupRoom);
        List<Future<Note>> futures = new ArrayList<>();
        List<Note> out = new ArrayList<>();
        run.listener().onProgress("collapse", 0, groups.size());
        // the last call of the budget is the final answer's: groups past what is left keep their notes
        int affordable = Math.max(0, run.calls().left() - 1);
        if (groups.size() > affordable) {
            run.warnings()
                    .add("The LLM-call budget (max_llm_calls " + run.calls().maxCalls() + ") left " + affordable
                            + " of " + groups.size() + " groups of notes to combine in round " + round
                            + "; the others were kept uncombined.");
        }
        try {
            for (int k = 0; k < groups.size(); k++) {
                List<Note> group = groups.get(k);
                futures.add(
                        k < affordable
                                ? run.pool().submit(() -> combine(group, system))
                                : java.util.concurrent.CompletableFuture.failedFuture(new Uncombined()));
            }
            for (int k = 0; k < futures.size(); k++) {
                try {
                    out.add(futures.get(k).get(CallPool.nanosLeft(run.deadline()), TimeUnit.NANOSECONDS));
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof InterruptedException) {
                        throw new InterruptedException();
                    }
                    if (e.getCause() instanceof Uncombined) {
                        out.addAll(groups.get(k));
                        run.listener().onProgress("collapse", k + 1, groups.size());
                        continue;
                    }
                    // A failed collapse keeps its notes as they were; the final call may still fit them.
                    out.addAll(groups.get(k));
                    run.warnings()
                            .add("Combining notes failed in round " + round + " ("
                                    + e.getCause().getMessage() + "); the notes were kept uncombined.");
                } catch (TimeoutException e) {
                    throw new SummaryException(
                            "the summary deadline (" + config.deadline().toSeconds()
                                    + " s, summarizer.deadline) passed while combining notes; raise it or lower the input");
                }
                run.listener().onProgress("collapse", k + 1, groups.size());
            }
        } catch (InterruptedException e) {
            throw run.pool().cancelled(futures);
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
        return out;
    }

    /** A group the call budget left no call for. */
    private static final class Uncombined extends Exception {
        Uncombined() {
            super(null, null, false, false);
        }
    }

    private Note combine(List<Note> group, String system) throws LlmException {
        if (group.size() == 1 && group.getFirst().cost() < WindowBudget.MIN_OUTPUT_TOKENS * 2) {
            return group.getFirst();
        }
        int out = budget.output(NoteSizer.size(group) / 3);
        String user = Prompts.collapseUser(brief.tag(), NoteSizer.join(group), brief.query(), out * 3 / 4);
        Completion r = run.calls().complete(new LlmRequest(system, user, out, config.temperature()));
        String label = group.stream()
                .map(n -> n.label().substring(0, n.label().indexOf(']') + 1))
                .distinct()
                .reduce("", String::concat);
        return sizer.note(label, r.text().strip());
    }

    private List<Note> cutToFit(List<Note> notes, int room) {
        List<Note> kept = new ArrayList<>();
        int used = 0;
        int dropped = 0;
        for (Note note : notes) {
            int t = note.cost();
            if (used + t <= room) {
                kept.add(note);
                used += t;
            } else if (room - used > WindowBudget.MIN_OUTPUT_TOKENS) {
                int left = room - used - budget.count(note.label()) - 4;
                kept.add(sizer.note(note.label(), sizer.cut(note.text(), left)));
                used = room;
                dropped++;
            } else {
                dropped++;
            }
        }
        run.warnings()
                .add("The notes were still too long for the model after combining them as far as"
                        + " summarizer.collapse_max_depth (" + config.collapseMaxDepth()
                        + " rounds) and the LLM-call budget allow; " + dropped
                        + " were cut, so the end of the input is under-represented.");
        return kept;
    }
}
