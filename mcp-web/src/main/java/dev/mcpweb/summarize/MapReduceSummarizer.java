package dev.mcpweb.summarize;

import dev.mcpweb.chunk.Chunk;
import dev.mcpweb.chunk.Chunker;
import dev.mcpweb.config.MapMode;
import dev.mcpweb.config.SummarizerConfig;
import dev.mcpweb.document.Document;
import dev.mcpweb.llm.Completion;
import dev.mcpweb.llm.LlmException;
import dev.mcpweb.llm.LlmProvider;
import dev.mcpweb.llm.LlmRequest;
import dev.mcpweb.work.CpuPool;
import dev.mcpweb.work.CpuRunner;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
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
 */
public final class MapReduceSummarizer implements Summarizer {
    /** The prompts' version; part of the cache key of anything this summarizer produces. */
    public static final String PROMPT_VERSION = Prompts.VERSION;

    /** Map chunk size when {@code chunker.chunk_size} is 0: small enough to keep the map calls many and short. */
    static final int PREFERRED_CHUNK_TOKENS = 1024;

    /** Tokens kept free in every prompt for the chat framing and tokenizer differences. */
    private static final int SAFETY_TOKENS = 32;

    private static final int MIN_OUTPUT_TOKENS = 64;

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

    /** One map output (or its failure), in source order. */
    private record MapResult(Chunk chunk, Optional<String> text, Optional<String> failure) {}

    /** The state of one summary: its deadline, its calls in flight, its counters and warnings. */
    private final class Job implements AutoCloseable {
        private final SummaryRequest request;
        private final SummaryListener listener;
        private final Optional<String> query;
        private final List<Summary.SourceRef> sources;
        private final int words;
        private final long started = System.nanoTime();
        private final long deadline;
        /** When unfinished map calls are given up, leaving a fifth of the deadline to combine what came back. */
        private final long mapDeadline;

        private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        private final Semaphore inFlight = new Semaphore(config.maxConcurrent(), true);
        private final CallCounter calls;
        private final NoteSizer sizer = new NoteSizer(tokens);
        private final List<String> warnings = new ArrayList<>();
        private final String tag;
        private volatile boolean stopped;
        private Future<List<String>> injections;
        private int mapSystemTokens;
        private String mode = "single";
        private int chunkCount = 1;

        Job(SummaryRequest request, SummaryListener listener) {
            this.request = request;
            this.listener = listener;
            this.query = request.query();
            this.words = request.maxLengthWords() > 0 ? request.maxLengthWords() : config.maxLength();
            this.deadline = started + config.deadline().toNanos();
            this.mapDeadline = started + config.deadline().toNanos() * 4 / 5;
            this.calls = new CallCounter(provider, metrics, started);
            StringBuilder all = new StringBuilder();
            for (Document d : request.documents()) {
                all.append(d.title()).append('\n').append(d.markdown()).append('\n');
            }
            this.sources = SourceList.of(request.documents());
            this.tag = Prompts.fence(all.toString());
        }

        Summary run() throws SummaryException {
            injections = threads.submit(this::injectionWarnings);
            List<Document> docs = request.documents();
            long total = 0;
            for (Document d : docs) {
                // Far more characters than the threshold allows tokens is surely over it: skip a counting pass.
                total += d.markdown().length() > config.mapReduceThreshold() * 16L
                        ? d.markdown().length()
                        : tokens.applyAsInt(d.markdown());
            }
            int finalOut = finalOutputTokens();
            if (total <= config.mapReduceThreshold()) {
                List<String> texts = docs.stream().map(Document::markdown).toList();
                String system = Prompts.directSystem(tag, query, sources.size());
                String user = Prompts.directUser(tag, texts, sources, query, words);
                if (fits(system, user, finalOut)) {
                    return finish(stream("reduce", new LlmRequest(system, user, finalOut, config.temperature())));
                }
            }
            mode = config.mode().id();
            List<Note> notes = map(chunk(docs));
            if (notes.isEmpty()) {
                String none = query.map(q -> "None of the sources says anything about “" + q + "”.")
                        .orElse("The sources have no text to summarize.");
                listener.onDelta(none);
                return finish(none);
            }
            notes = collapse(notes);
            String notesText = NoteSizer.join(notes);
            String system = Prompts.finalSystem(tag, query, sources.size());
            String user = Prompts.finalUser(tag, notesText, sources, query, words);
            return finish(stream("reduce", new LlmRequest(system, user, finalOut, config.temperature())));
        }

        // ---- map ----

        private List<Chunk> chunk(List<Document> docs) throws SummaryException {
            String longestTitle = "";
            for (Summary.SourceRef s : sources) {
                longestTitle = s.title().length() > longestTitle.length() ? s.title() : longestTitle;
            }
            Chunk empty = new Chunk(0, sources.size(), List.of(), "", 0, 0, 0);
            int overhead = tokens.applyAsInt(Prompts.mapSystem(tag, query))
                    + tokens.applyAsInt(Prompts.mapUser(tag, empty, longestTitle, query, 1000));
            int modelMax = contextWindow - overhead - config.maxTokens() - SAFETY_TOKENS;
            if (modelMax < MIN_OUTPUT_TOKENS) {
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
            chunkCount = chunks.size();
            return chunks;
        }

        private List<Note> map(List<Chunk> chunks) throws SummaryException {
            long t0 = System.nanoTime();
            int n = chunks.size();
            List<MapResult> results = new ArrayList<>(n);
            String system = Prompts.mapSystem(tag, query);
            mapSystemTokens = tokens.applyAsInt(system);
            List<Future<MapResult>> futures = new ArrayList<>(n);
            listener.onProgress("map", 0, n);
            try {
                if (config.mode() == MapMode.SEQUENTIAL) {
                    for (Chunk c : chunks) {
                        Future<MapResult> f = threads.submit(() -> mapOne(system, c));
                        futures.add(f);
                        results.add(await(f, c));
                        listener.onProgress("map", results.size(), n);
                    }
                } else {
                    ExecutorCompletionService<MapResult> done = new ExecutorCompletionService<>(threads);
                    for (Chunk c : chunks) {
                        futures.add(done.submit(() -> limited(() -> mapOne(system, c))));
                    }
                    if (config.mode() == MapMode.STREAMING) {
                        MapResult[] byIndex = new MapResult[n];
                        for (int k = 0; k < n; k++) {
                            Future<MapResult> f = done.poll(remaining(mapDeadline), TimeUnit.NANOSECONDS);
                            if (f == null) {
                                break;
                            }
                            MapResult r = await(f, null);
                            if (r.chunk() != null) {
                                byIndex[r.chunk().index() - chunks.getFirst().index()] = r;
                            }
                            listener.onProgress("map", k + 1, n);
                        }
                        for (int k = 0; k < n; k++) {
                            results.add(byIndex[k] != null ? byIndex[k] : timedOut(chunks.get(k)));
                        }
                    } else {
                        for (int k = 0; k < n; k++) {
                            results.add(await(futures.get(k), chunks.get(k)));
                            listener.onProgress("map", k + 1, n);
                        }
                    }
                }
            } catch (InterruptedException e) {
                throw cancelled(futures);
            } finally {
                futures.forEach(f -> f.cancel(true));
                metrics.stage("map", System.nanoTime() - t0);
            }
            return notesOf(results);
        }

        private MapResult mapOne(String system, Chunk c) throws InterruptedException {
            String title = sources.get(c.source() - 1).title();
            int out = Math.clamp(c.tokens() / 4, MIN_OUTPUT_TOKENS, Math.max(MIN_OUTPUT_TOKENS, config.maxTokens()));
            String user = Prompts.mapUser(tag, c, title, query, out * 3 / 4);
            // The chunk's own count plus the prompt around it: no need to count the chunk text again.
            Chunk bare = new Chunk(c.index(), c.source(), c.headingPath(), "", c.start(), c.end(), 0);
            int promptTokens = mapSystemTokens
                    + tokens.applyAsInt(Prompts.mapUser(tag, bare, title, query, out * 3 / 4))
                    + c.tokens()
                    + 2;
            if (promptTokens + out + SAFETY_TOKENS > contextWindow) {
                int over = promptTokens + out + SAFETY_TOKENS - contextWindow;
                Chunk cut = new Chunk(
                        c.index(),
                        c.source(),
                        c.headingPath(),
                        sizer.cut(c.text(), Math.max(1, c.tokens() - over)),
                        c.start(),
                        c.end(),
                        c.tokens());
                user = Prompts.mapUser(tag, cut, title, query, out * 3 / 4);
                synchronized (warnings) {
                    warnings.add("A section of source [" + c.source() + "]" + sectionName(c)
                            + " was too long for the model and was cut.");
                }
            }
            String key = noteKey(system, user, out);
            LlmRequest request = new LlmRequest(system, user, out, config.temperature());
            try {
                String text = notes.notes(key, () -> calls.complete(request).text());
                return new MapResult(c, Optional.of(text), Optional.empty());
            } catch (LlmException e) {
                if (e.kind() == LlmException.Kind.CANCELLED
                        || Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException(e.getMessage());
                }
                return new MapResult(c, Optional.empty(), Optional.of(e.getMessage()));
            } catch (RuntimeException e) { // a provider bug must not sink the other sections
                return new MapResult(c, Optional.empty(), Optional.of(e.toString()));
            }
        }

        private <T> T limited(java.util.concurrent.Callable<T> call) throws Exception {
            inFlight.acquire();
            try {
                if (stopped) { // cancelled while waiting for a permit: make no new call
                    throw new InterruptedException("summary cancelled");
                }
                return call.call();
            } finally {
                inFlight.release();
            }
        }

        /** The result of {@code f} within the deadline; a chunk that ran out of time or failed oddly is missing. */
        private MapResult await(Future<MapResult> f, Chunk chunk) throws InterruptedException {
            try {
                return f.get(remaining(mapDeadline), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | CancellationException e) {
                f.cancel(true);
                return timedOut(chunk);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof InterruptedException) {
                    return new MapResult(chunk, Optional.empty(), Optional.of("cancelled"));
                }
                return new MapResult(chunk, Optional.empty(), Optional.of(String.valueOf(e.getCause())));
            }
        }

        private MapResult timedOut(Chunk chunk) {
            return new MapResult(
                    chunk,
                    Optional.empty(),
                    Optional.of("the summary deadline (" + config.deadline().toSeconds()
                            + " s, summarizer.deadline) passed"));
        }

        private List<Note> notesOf(List<MapResult> results) throws SummaryException {
            List<Note> notes = new ArrayList<>();
            List<MapResult> failed = new ArrayList<>();
            for (MapResult r : results) {
                if (r.failure().isPresent()) {
                    failed.add(r);
                    continue;
                }
                String text = r.text().orElse("").strip();
                if (text.isEmpty() || isNothingRelevant(text)) {
                    continue;
                }
                Chunk c = r.chunk();
                String label = "[" + c.source() + "]" + (c.headingPath().isEmpty() ? "" : " (" + c.section() + ")");
                notes.add(sizer.note(label, text));
            }
            if (failed.size() == results.size()) {
                throw new SummaryException("every one of the " + results.size() + " map calls to " + provider.name()
                        + " failed; the first said: "
                        + failed.getFirst().failure().orElse("?"));
            }
            if (!failed.isEmpty()) {
                StringBuilder sb = new StringBuilder();
                sb.append(failed.size())
                        .append(" of ")
                        .append(results.size())
                        .append(" sections could not be summarized and are missing: ");
                for (int k = 0; k < Math.min(failed.size(), 8); k++) {
                    MapResult r = failed.get(k);
                    sb.append(k == 0 ? "" : "; ")
                            .append("source [")
                            .append(r.chunk().source())
                            .append(']')
                            .append(sectionName(r.chunk()))
                            .append(" (")
                            .append(r.failure().orElse(""))
                            .append(')');
                }
                if (failed.size() > 8) {
                    sb.append("; and ").append(failed.size() - 8).append(" more");
                }
                warnings.add(sb.append('.').toString());
            }
            return notes;
        }

        private boolean isNothingRelevant(String text) {
            String t = text.replaceAll("[*_`.\\s]", "").toUpperCase(java.util.Locale.ROOT);
            return t.equals(Prompts.NOTHING_RELEVANT.replace("_", ""))
                    || t.equals(Prompts.NOTHING_RELEVANT)
                    || t.startsWith("NOTHINGRELEVANT") && t.length() < 40;
        }

        // ---- reduce ----

        private List<Note> collapse(List<Note> notes) throws SummaryException {
            long t0 = System.nanoTime();
            int finalOut = finalOutputTokens();
            String finalSystem = Prompts.finalSystem(tag, query, sources.size());
            int finalRoom = contextWindow
                    - tokens.applyAsInt(finalSystem)
                    - tokens.applyAsInt(Prompts.finalUser(tag, "", sources, query, words))
                    - finalOut
                    - SAFETY_TOKENS;
            String collapseSystem = Prompts.collapseSystem(tag, query);
            int groupRoom = contextWindow
                    - tokens.applyAsInt(collapseSystem)
                    - tokens.applyAsInt(Prompts.collapseUser(tag, "", query, 1000))
                    - config.maxTokens()
                    - SAFETY_TOKENS;
            if (groupRoom < MIN_OUTPUT_TOKENS || finalRoom < MIN_OUTPUT_TOKENS) {
                throw new SummaryException("the model's context window (" + contextWindow + " tokens) is too small to "
                        + "combine notes; raise summarizer.context_window or lower summarizer.max_tokens");
            }
            try {
                for (int round = 1; NoteSizer.size(notes) > finalRoom && round <= config.collapseMaxDepth(); round++) {
                    List<Note> next = collapseRound(notes, groupRoom, round, collapseSystem);
                    if (NoteSizer.size(next)
                            >= NoteSizer.size(notes)) { // the model does not shorten: more rounds cannot help
                        notes = next;
                        break;
                    }
                    notes = next;
                }
            } finally {
                metrics.stage("collapse", System.nanoTime() - t0);
            }
            if (NoteSizer.size(notes) > finalRoom) {
                notes = cutToFit(notes, finalRoom);
            }
            return notes;
        }

        private List<Note> collapseRound(List<Note> notes, int groupRoom, int round, String system)
                throws SummaryException {
            List<List<Note>> groups = new ArrayList<>();
            List<Note> current = new ArrayList<>();
            int used = 0;
            for (Note note : notes) {
                if (note.cost() > groupRoom) {
                    note = sizer.note(
                            note.label(), sizer.cut(note.text(), groupRoom - tokens.applyAsInt(note.label()) - 4));
                    warnings.add("Notes on source " + note.label() + " were longer than the model can take in one call "
                            + "and were cut.");
                }
                int t = note.cost();
                if (!current.isEmpty() && used + t > groupRoom) {
                    groups.add(current);
                    current = new ArrayList<>();
                    used = 0;
                }
                current.add(note);
                used += t;
            }
            groups.add(current);
            List<Future<Note>> futures = new ArrayList<>();
            List<Note> out = new ArrayList<>();
            listener.onProgress("collapse", 0, groups.size());
            try {
                for (List<Note> group : groups) {
                    futures.add(threads.submit(() -> limited(() -> collapseOne(group, system))));
                }
                for (int k = 0; k < futures.size(); k++) {
                    try {
                        out.add(futures.get(k).get(remaining(deadline), TimeUnit.NANOSECONDS));
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof InterruptedException) {
                            throw new InterruptedException();
                        }
                        // A failed collapse keeps its notes as they were; the final call may still fit them.
                        out.addAll(groups.get(k));
                        warnings.add("Combining notes failed in round " + round + " ("
                                + e.getCause().getMessage() + "); the notes were kept uncombined.");
                    } catch (TimeoutException e) {
                        throw new SummaryException(
                                "the summary deadline (" + config.deadline().toSeconds()
                                        + " s, summarizer.deadline) passed while combining notes; raise it or lower the input");
                    }
                    listener.onProgress("collapse", k + 1, groups.size());
                }
            } catch (InterruptedException e) {
                throw cancelled(futures);
            } finally {
                futures.forEach(f -> f.cancel(true));
            }
            return out;
        }

        private Note collapseOne(List<Note> group, String system) throws LlmException {
            if (group.size() == 1 && group.getFirst().cost() < MIN_OUTPUT_TOKENS * 2) {
                return group.getFirst();
            }
            String notes = NoteSizer.join(group);
            int in = NoteSizer.size(group);
            int out = Math.clamp(in / 3, MIN_OUTPUT_TOKENS, Math.max(MIN_OUTPUT_TOKENS, config.maxTokens()));
            String user = Prompts.collapseUser(tag, notes, query, out * 3 / 4);
            Completion r = calls.complete(new LlmRequest(system, user, out, config.temperature()));
            String label = group.stream()
                    .map(n -> n.label().substring(0, n.label().indexOf(']') + 1))
                    .distinct()
                    .reduce("", String::concat);
            String text = r.text().strip();
            return sizer.note(label, text);
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
                } else if (room - used > MIN_OUTPUT_TOKENS) {
                    int left = room - used - tokens.applyAsInt(note.label()) - 4;
                    kept.add(sizer.note(note.label(), sizer.cut(note.text(), left)));
                    used = room;
                    dropped++;
                } else {
                    dropped++;
                }
            }
            warnings.add("The notes were still too long for the model after " + config.collapseMaxDepth()
                    + " rounds of combining (summarizer.collapse_max_depth); " + dropped
                    + " were cut, so the end of the input is under-represented.");
            return kept;
        }

        // ---- the final call and the output ----

        private String stream(String stage, LlmRequest request) throws SummaryException {
            long t0 = System.nanoTime();
            listener.onProgress(stage, 0, 1);
            Consumer<String> onDelta = listener::onDelta;
            Future<Completion> f = threads.submit(() -> limited(() -> calls.stream(request, onDelta)));
            try {
                Completion c = f.get(remaining(deadline), TimeUnit.NANOSECONDS);
                listener.onProgress(stage, 1, 1);
                return c.text();
            } catch (InterruptedException e) {
                throw cancelled(List.of(f));
            } catch (TimeoutException e) {
                f.cancel(true);
                throw new SummaryException(
                        "the summary deadline (" + config.deadline().toSeconds()
                                + " s, summarizer.deadline) passed during the final call; raise it or lower the input");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw new SummaryException(
                        "the final summary call to " + provider.name() + " failed: " + cause.getMessage(), cause);
            } finally {
                metrics.stage(stage, System.nanoTime() - t0);
            }
        }

        private Summary finish(String body) throws SummaryException {
            try {
                warnings.addAll(0, injections.get());
            } catch (InterruptedException e) {
                throw cancelled(List.of(injections));
            } catch (ExecutionException e) {
                warnings.add("Checking the sources for prompt injection failed: " + e.getCause());
            }
            warnings.addAll(OutputCheck.warnings(body, sources.size()));
            StringBuilder tail = new StringBuilder();
            if (!body.endsWith("\n")) {
                tail.append('\n');
            }
            for (String w : warnings) {
                tail.append("\n> **Note:** ").append(w).append('\n');
            }
            tail.append(SourceList.render(sources));
            listener.onDelta(tail.toString());
            long elapsed = System.nanoTime() - started;
            SummaryStats stats = new SummaryStats(
                    provider.name(),
                    provider.model(),
                    mode,
                    chunkCount,
                    calls.calls(),
                    calls.retries(),
                    calls.inputTokens(),
                    calls.outputTokens(),
                    Duration.ofNanos(elapsed));
            metrics.summary(calls.idleNanos(System.nanoTime()), elapsed);
            return new Summary(body + tail, sources, stats, warnings);
        }

        /** Warnings for sources that address an AI; run beside the map calls, off the critical path. */
        private List<String> injectionWarnings() {
            return InjectionScan.warnings(request.documents());
        }

        // ---- helpers ----

        private int finalOutputTokens() {
            // About 1.3 tokens a word in English, plus room for citations and the odd heading.
            return Math.clamp(
                    words * 3L / 2 + MIN_OUTPUT_TOKENS,
                    MIN_OUTPUT_TOKENS,
                    Math.max(MIN_OUTPUT_TOKENS, config.maxTokens()));
        }

        private boolean fits(String system, String user, int out) {
            return tokens.applyAsInt(system) + tokens.applyAsInt(user) + out + SAFETY_TOKENS <= contextWindow;
        }

        /** Everything that decides a map output: prompt version, model, the prompt itself, budget, temperature. */
        private String noteKey(String system, String user, int out) {
            try {
                java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
                for (String part : List.of(
                        PROMPT_VERSION,
                        provider.name(),
                        provider.model(),
                        system,
                        user,
                        Integer.toString(out),
                        Double.toString(config.temperature()))) {
                    byte[] bytes = part.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    sha.update(
                            java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
                    sha.update(bytes);
                }
                return java.util.HexFormat.of().formatHex(sha.digest());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }

        private String sectionName(Chunk c) {
            return c.headingPath().isEmpty() ? "" : " “" + c.section() + "”";
        }

        private long remaining(long until) {
            return Math.max(0, until - System.nanoTime());
        }

        private SummaryException cancelled(List<? extends Future<?>> futures) {
            stopped = true;
            futures.forEach(f -> f.cancel(true));
            threads.shutdownNow();
            Thread.currentThread().interrupt();
            return new SummaryException("the summary was cancelled");
        }

        @Override
        public void close() {
            stopped = true;
            threads.shutdownNow();
        }
    }
}
