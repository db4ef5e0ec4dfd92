package dev.mcpweb.summarize;

import dev.mcpweb.chunk.Chunk;
import dev.mcpweb.chunk.Chunker;
import dev.mcpweb.config.SummarizerConfig;
import dev.mcpweb.document.Document;
import dev.mcpweb.llm.LlmProvider;
import dev.mcpweb.llm.LlmRequest;
import dev.mcpweb.work.CpuPool;
import dev.mcpweb.work.CpuRunner;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Summarizes with an LLM: one call when the whole input is under {@code map_reduce_threshold} tokens
 * and fits the model; otherwise map-reduce. Map: one call per chunk, at most {@code max_concurrent} in
 * flight, in {@code parallel} (progress in source order), {@code streaming} (progress as each chunk
 * finishes) or {@code sequential} mode; outputs always kept in source order. Reduce: when the notes
 * do not fit one call they are packed into groups under the budget and collapsed in parallel, round
 * after round up to {@code collapse_max_depth}; what still does not fit is cut, with a note. Then one
 * streamed final call, citing {@code [n]} against the numbered source list appended at the end.
 *
 * <p>Page text is fenced as data in every prompt; suspected prompt injections, missing sections
 * (map calls that failed after the provider's retries) and cut input are reported in
 * {@link Summary#warnings()} and in the Markdown. The whole summary has a deadline
 * ({@code summarizer.deadline}); interrupting the calling thread cancels every call in flight.
 *
 * <p>Each step is a class of its own: {@link Mapper} runs the {@link MapCall}s in the configured mode,
 * {@link MapNotes} turns their results into notes, {@link Collapser} combines them until they fit,
 * {@link FinalCall} streams the answer and {@link SummaryAssembler} adds the warnings, the source list
 * and the stats. This class only knows their order.
 */
public final class MapReduceSummarizer implements Summarizer {
    /** The prompts' version; part of the cache key of anything this summarizer produces. */
    public static final String PROMPT_VERSION = Prompts.VERSION;

    /** Map chunk size when {@code chunker.chunk_size} is 0: small enough to keep the map calls many and short. */
    static final int PREFERRED_CHUNK_TOKENS = 1024;

    private final LlmProvider provider;
    private final ToIntFunction<String> tokens;
    private final int contextWindow;
    private final SummarizerConfig config;
    private final Chunker chunker;
    private final SummaryMetrics metrics;
    private final NoteStore notes;
    private final CpuRunner cpu;

    /**
     * {@code tokens} counts tokens for the provider's model and {@code contextWindow} is its window;
     * stage timers and LLM counters go to {@code meters}.
     */
    public MapReduceSummarizer(
            LlmProvider provider,
            ToIntFunction<String> tokens,
            int contextWindow,
            SummarizerConfig config,
            Chunker chunker,
            MeterRegistry meters) {
        this(provider, tokens, contextWindow, config, chunker, meters, NoteStore.NONE);
    }

    /** As above, reusing map outputs kept in {@code notes} by earlier summaries. */
    public MapReduceSummarizer(
            LlmProvider provider,
            ToIntFunction<String> tokens,
            int contextWindow,
            SummarizerConfig config,
            Chunker chunker,
            MeterRegistry meters,
            NoteStore notes) {
        this(provider, tokens, contextWindow, config, chunker, meters, notes, CpuRunner.CALLER);
    }

    /** As above, chunking on {@code cpu} (the pipeline's CPU pool) rather than on the calling thread. */
    public MapReduceSummarizer(
            LlmProvider provider,
            ToIntFunction<String> tokens,
            int contextWindow,
            SummarizerConfig config,
            Chunker chunker,
            MeterRegistry meters,
            NoteStore notes,
            CpuRunner cpu) {
        this.cpu = cpu;
        this.notes = notes;
        this.provider = provider;
        this.tokens = tokens;
        this.contextWindow = contextWindow;
        this.config = config;
        this.chunker = chunker;
        this.metrics = new SummaryMetrics(meters);
    }

    @Override
    public Summary summarize(SummaryRequest request, SummaryListener listener) throws SummaryException {
        if (request.documents().isEmpty()) {
            throw new SummaryException("nothing to summarize: no document was given");
        }
        Job job = new Job(request, listener);
        try {
            return job.run();
        } finally {
            job.close();
        }
    }

    /** One summary: its brief, its budget and its run, and the order of its steps. */
    private final class Job implements AutoCloseable {
        private final SummaryRequest request;
        private final Brief brief;
        private final WindowBudget budget;
        private final SummaryRun run;
        /** When unfinished map calls are given up, leaving a fifth of the deadline to combine what came back. */
        private final long mapDeadline;

        Job(SummaryRequest request, SummaryListener listener) {
            long started = System.nanoTime();
            this.request = request;
            StringBuilder all = new StringBuilder();
            for (Document d : request.documents()) {
                all.append(d.title()).append('\n').append(d.markdown()).append('\n');
            }
            this.brief = new Brief(
                    Prompts.fence(all.toString()),
                    request.query(),
                    SourceList.of(request.documents()),
                    request.maxLengthWords() > 0 ? request.maxLengthWords() : config.maxLength());
            this.budget = new WindowBudget(tokens, contextWindow, config.maxTokens());
            this.run = new SummaryRun(
                    new CallPool(config.maxConcurrent()),
                    new CallCounter(
                            provider,
                            metrics,
                            started,
                            Math.min(config.maxLlmCalls(), request.maxLlmCalls().orElse(Integer.MAX_VALUE))),
                    listener,
                    metrics,
                    Collections.synchronizedList(new ArrayList<>()),
                    started,
                    started + config.deadline().toNanos());
            this.mapDeadline = started + config.deadline().toNanos() * 4 / 5;
        }

        Summary run() throws SummaryException {
            List<Document> docs = request.documents();
            SummaryAssembler end = new SummaryAssembler(
                    run, brief.sources(), provider, run.pool().submitUnlimited(() -> InjectionScan.warnings(docs)));
            FinalCall answer = new FinalCall(run, provider.name(), config.deadline());
            String tag = brief.tag();
            Optional<String> query = brief.query();
            int sources = brief.sources().size();
            int finalOut = budget.finalOutput(brief.words());
            long total = 0;
            for (Document d : docs) {
                // Far more characters than the threshold allows tokens is surely over it: skip a counting pass.
                total += d.markdown().length() > config.mapReduceThreshold() * 16L
                        ? d.markdown().length()
                        : tokens.applyAsInt(d.markdown());
            }
            if (total <= config.mapReduceThreshold()) {
                List<String> texts = docs.stream().map(Document::markdown).toList();
                String system = Prompts.directSystem(tag, query, sources);
                String user = Prompts.directUser(tag, texts, brief.sources(), query, brief.words());
                if (budget.fits(system, user, finalOut)) {
                    String body = answer.stream("reduce", new LlmRequest(system, user, finalOut, config.temperature()));
                    return end.finish(body, "single", 1);
                }
            }
            String mode = config.mode().id();
            List<Chunk> chunks = chunk(docs);
            List<MapResult> mapped = new Mapper(config.mode(), run, mapDeadline, config.deadline())
                    .map(
                            withinCallBudget(chunks),
                            new MapCall(brief, budget, notes, provider, config.temperature(), run));
            List<Note> found = MapNotes.of(mapped, new NoteSizer(tokens), provider.name(), run.warnings());
            if (found.isEmpty()) {
                String none = query.map(q -> "None of the sources says anything about “" + q + "”.")
                        .orElse("The sources have no text to summarize.");
                run.listener().onDelta(none);
                return end.finish(none, mode, chunks.size());
            }
            String notesText = NoteSizer.join(new Collapser(brief, budget, config, run).collapse(found));
            String system = Prompts.finalSystem(tag, query, sources);
            String user = Prompts.finalUser(tag, notesText, brief.sources(), query, brief.words());
            String body = answer.stream("reduce", new LlmRequest(system, user, finalOut, config.temperature()));
            return end.finish(body, mode, chunks.size());
        }

        /**
         * The chunks the call budget lets the map read: all when they leave a call for the final answer;
         * else as many as leave that call and a fifth of the budget for combining notes, taken in turn from
         * each source (its first chunks first) and kept in source order, with a warning saying what was left out.
         */
        private List<Chunk> withinCallBudget(List<Chunk> chunks) {
            int budget = run.calls().maxCalls();
            if (chunks.size() <= budget - 1) {
                return chunks;
            }
            int keep = Math.max(1, budget - 1 - (budget >= 6 ? (budget - 1) / 5 : 0));
            Map<Integer, Integer> taken = new HashMap<>();
            Map<Chunk, Integer> turn = new IdentityHashMap<>();
            chunks.forEach(c -> turn.put(c, taken.merge(c.source(), 1, Integer::sum)));
            Set<Chunk> kept = Collections.newSetFromMap(new IdentityHashMap<>());
            chunks.stream()
                    .sorted(Comparator.<Chunk>comparingInt(turn::get).thenComparingInt(Chunk::source))
                    .limit(keep)
                    .forEach(kept::add);
            List<Chunk> selected = chunks.stream().filter(kept::contains).toList();
            run.warnings()
                    .add("The LLM-call budget (max_llm_calls " + budget + ") stopped the map after " + keep + " of "
                            + chunks.size() + " chunks, taken in turn from each source; the rest of the input was"
                            + " not read by the model.");
            return selected;
        }

        /** The documents in chunks that leave room in a map prompt for the instructions and the output. */
        private List<Chunk> chunk(List<Document> docs) throws SummaryException {
            String longestTitle = "";
            for (Summary.SourceRef s : brief.sources()) {
                longestTitle = s.title().length() > longestTitle.length() ? s.title() : longestTitle;
            }
            Chunk empty = new Chunk(0, brief.sources().size(), List.of(), "", 0, 0, 0);
            int modelMax = budget.room(
                    Prompts.mapSystem(brief.tag(), brief.query()),
                    Prompts.mapUser(brief.tag(), empty, longestTitle, brief.query(), 1000),
                    config.maxTokens());
            if (modelMax < WindowBudget.MIN_OUTPUT_TOKENS) {
                throw new SummaryException("the model's context window (" + contextWindow + " tokens) leaves no room "
                        + "for page text beside the prompt and " + config.maxTokens() + " reserved output tokens; "
                        + "raise summarizer.context_window or lower summarizer.max_tokens");
            }
            long t0 = System.nanoTime();
            List<Chunk> chunks;
            try {
                chunks = cpu.run(
                        request.stop(),
                        request.textSize(),
                        () -> chunker.chunk(docs, chunker.chunkSize(modelMax, PREFERRED_CHUNK_TOKENS)));
            } catch (CpuPool.Busy e) {
                throw new SummaryException(e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SummaryException("the summary was cancelled while its input was chunked");
            }
            metrics.stage("chunk", System.nanoTime() - t0);
            return chunks;
        }

        @Override
        public void close() {
            run.pool().close();
        }
    }
}
