package dev.mcpweb.pipeline;

import dev.mcpweb.cache.CacheKey;
import dev.mcpweb.cache.CacheStats;
import dev.mcpweb.cache.Namespace;
import dev.mcpweb.cache.TieredCache;
import dev.mcpweb.chunk.Chunker;
import dev.mcpweb.config.Config;
import dev.mcpweb.config.MapMode;
import dev.mcpweb.config.RenderConfig;
import dev.mcpweb.config.SummarizerConfig;
import dev.mcpweb.dedup.Duplicates;
import dev.mcpweb.dedup.Passages;
import dev.mcpweb.document.Document;
import dev.mcpweb.extract.Extraction;
import dev.mcpweb.extract.ExtractionException;
import dev.mcpweb.extract.Extractor;
import dev.mcpweb.fetch.FetchOutcome;
import dev.mcpweb.fetch.FetchResult;
import dev.mcpweb.fetch.Fetcher;
import dev.mcpweb.limit.Limits;
import dev.mcpweb.llm.LlmProvider;
import dev.mcpweb.llm.LlmProviders;
import dev.mcpweb.llm.ResilientProvider;
import dev.mcpweb.llm.TokenBudget;
import dev.mcpweb.summarize.InjectionScan;
import dev.mcpweb.summarize.MapReduceSummarizer;
import dev.mcpweb.summarize.NoteStore;
import dev.mcpweb.summarize.SourceList;
import dev.mcpweb.summarize.Summarizer;
import dev.mcpweb.summarize.Summary;
import dev.mcpweb.summarize.SummaryException;
import dev.mcpweb.summarize.SummaryListener;
import dev.mcpweb.summarize.SummaryRequest;
import dev.mcpweb.summarize.extractive.ExtractiveSummarizer;
import dev.mcpweb.work.CpuPool;
import dev.mcpweb.work.CpuRunner;
import dev.mcpweb.work.StopToken;
import dev.mcpweb.work.Stopped;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The one place that knows the order of the stages: fetch, extract, chunk, summarize, with the cache
 * around them. Built once from a {@link Config} (the composition root) and shared; the CLI and the MCP
 * server are thin adapters over it. Work is cancelled by interrupting the calling thread: that cancels
 * the call's {@link StopToken}, which CPU-bound stages check between blocks of work.
 *
 * <p>Sources are fetched concurrently on virtual threads (within the fetcher's global and per-host
 * limits) and extracted on the {@link CpuPool}, each within its CPU budget; a source that cannot be read is reported in {@link PipelineResult#failures()} and
 * the others go on. Summaries come from the configured LLM through {@link MapReduceSummarizer}, from
 * the MCP client's model, or from the embedded {@link ExtractiveSummarizer}; finished summaries
 * without warnings are cached under their content (titles and text, not URLs), query, length, prompt
 * version and {@link SummarizerChoice} (provider, model, map mode); each map output under its prompt, so a page changed in one section costs one map
 * call; extracted documents under the hash of the fetched bytes; robots.txt answers persist too. Stage timers
 * ({@code mcpweb.stage}) and LLM counters ({@code mcpweb.llm.*}) go to the {@link MeterRegistry}.
 */
public final class Pipeline implements AutoCloseable {
    /**
     * Inputs up to this many bytes or characters are hashed and scanned on the calling thread: well under a
     * millisecond of work, less than handing it to the CPU pool. Larger ones (a page of megabytes takes tens
     * of milliseconds to hash and more to scan or encode) go to the pool: on a virtual thread they would
     * hold one of its carriers, as many as the cores, and stall every other call waiting for one.
     */
    static final int INLINE_MAX = 64 << 10;

    private final Config config;
    private final MeterRegistry meters;
    /** The timer of each stage, registered once: registering looks its name and tags up every time. */
    private final Map<String, Timer> stageTimers = new ConcurrentHashMap<>();
    /** The extract cache's counters by result ("hit", "miss"), registered once for the same reason. */
    private final Map<String, Counter> extractCounts = new ConcurrentHashMap<>();

    private final TieredCache cache;
    private final Limits limits;
    private final Fetcher fetcher;
    private final Extractor extractor;
    private final Rendering rendering;
    private final Optional<LlmProvider> llm;
    private final Summarizer extractive = new ExtractiveSummarizer();
    private final NoteStore mapOutputs;
    private final CpuPool cpu;
    /** Where pages are extracted: the CPU pool, or the calling thread for commands that read one source at a time. */
    private final CpuRunner extraction;

    /** Map outputs as UTF-8; blank notes are not kept. */
    private static final TieredCache.Codec<String> NOTES = TieredCache.Codec.of(
            bytes -> Optional.of(new String(bytes, StandardCharsets.UTF_8)),
            notes -> notes.isBlank() ? Optional.empty() : Optional.of(notes.getBytes(StandardCharsets.UTF_8)));

    private Pipeline(Config config, MeterRegistry meters) {
        this(config, meters, false);
    }

    private Pipeline(Config config, MeterRegistry meters, boolean extractOnCaller) {
        this.config = config;
        this.meters = meters;
        // The provider first: a bad LLM setting fails here before any file or connection is opened.
        Optional<LlmProvider> provider = Optional.empty();
        this.limits = Limits.of(config.cache());
        if (!config.summarizer().provider().equals("sampling")) {
            try {
                provider = LlmProviders.fromConfig(config.summarizer(), limits);
            } catch (RuntimeException e) {
                limits.close();
                throw e;
            }
        }
        this.llm = provider;
        this.cache = TieredCache.open(config.cache());
        this.fetcher = Fetcher.create(config, cache.responseStore(), cache.robotsStore());
        this.extractor = new Extractor(config.extractor());
        this.rendering = new Rendering(config.render(), fetcher);
        this.cpu = new CpuPool(config.server().cpuThreads(), config.server().cpuQueue());
        this.extraction = extractOnCaller ? CpuRunner.CALLER : cpu;
        this.mapOutputs = (key, take) ->
                cache.getOrCompute(Namespace.MAP, key, NOTES, take::take).value();
    }

    public static Pipeline create(Config config) {
        return new Pipeline(config, new SimpleMeterRegistry());
    }

    /** As {@link #create(Config)}, recording timers and counters in {@code meters}. */
    public static Pipeline create(Config config, MeterRegistry meters) {
        return new Pipeline(config, meters);
    }

    public Config config() {
        return config;
    }

    /** Where stage timers and LLM counters are recorded. */
    public MeterRegistry meters() {
        return meters;
    }

    /**
     * A pipeline for commands that only read sources ({@code fetch}, {@code extract}): no cache, as
     * those commands always had, and no LLM, so a summarizer setting cannot stop them. They read one
     * source after another, so each page is extracted on the calling thread, within the same budget: a
     * pool thread per page (its start, the hand-over and its yield points) would be overhead alone.
     */
    public static Pipeline forReading(Config config) {
        return new Pipeline(
                config.with(Map.of("cache.enabled", "false", "summarizer.provider", "extractive")),
                new SimpleMeterRegistry(),
                true);
    }

    /** Fetches and extracts one source; progress stages {@code fetch} and {@code extract}. */
    public Document read(String source, SummaryListener listener) throws PipelineException {
        return readSource(source, Optional.empty(), listener).document();
    }

    /**
     * As {@link #read}, rendering as {@code render} says (the configured {@code render.mode} when
     * empty), and saying whether the page was rendered and why.
     */
    public SourceRead readSource(String source, Optional<RenderConfig.Mode> render, SummaryListener listener)
            throws PipelineException {
        return read(source, render, listener, callToken());
    }

    /**
     * Fetches one source as a reader would see it: a page {@code render} (or {@code render.mode}) sends
     * through the browser comes back as its rendered DOM. A render that fails is a failed outcome.
     */
    public PageFetch fetchPage(String source, Optional<RenderConfig.Mode> render) {
        FetchOutcome outcome = timed("fetch", () -> fetcher.fetch(source));
        if (!(outcome instanceof FetchOutcome.Fetched f)) {
            return new PageFetch(outcome, RenderNote.STATIC, List.of());
        }
        StopToken call = callToken();
        try {
            Rendering.Decision d = rendering.decide(f.result(), render, page -> extracted(page, call));
            return new PageFetch(new FetchOutcome.Fetched(d.page()), d.note(), d.warnings());
        } catch (PipelineException e) {
            return new PageFetch(new FetchOutcome.Failed(source, 0, e.getMessage()), RenderNote.STATIC, List.of());
        } catch (Exception e) {
            // A body that cannot be read as a page (hostile markup over its CPU budget) is still the body.
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new PageFetch(outcome, RenderNote.STATIC, List.of());
        }
    }

    /** A token for one call: its deadline is the summary's, and interrupting the caller cancels it. */
    private StopToken callToken() {
        return StopToken.within(config.summarizer().deadline(), "summarizer.deadline");
    }

    private SourceRead read(String source, Optional<RenderConfig.Mode> render, SummaryListener listener, StopToken call)
            throws PipelineException {
        listener.onProgress("fetch", 0, 1);
        FetchOutcome outcome = timed("fetch", () -> fetcher.fetch(source));
        listener.onProgress("fetch", 1, 1);
        return switch (outcome) {
            case FetchOutcome.Fetched f -> {
                listener.onProgress("extract", 0, 1);
                try {
                    SourceRead read = readPage(f.result(), render, call);
                    listener.onProgress("extract", 1, 1);
                    yield read;
                } catch (Exception e) {
                    throw readFailure(source, e);
                }
            }
            case FetchOutcome.Refused r ->
                throw new PipelineException(
                        r.malformedSource() ? FailureKind.INVALID : FailureKind.REFUSED, r.message());
            case FetchOutcome.Failed f -> throw new PipelineException(FailureKind.FAILED, f.message());
        };
    }

    /**
     * The fetcher every source goes through (guard, robots.txt, limits, the response cache), for callers
     * that need a fetch's own outcome: its bytes, its refusal by robots.txt, or a sitemap that is not a page.
     */
    public Fetcher fetcher() {
        return fetcher;
    }

    /** Extracts a page the caller fetched with {@link #fetcher()}, as {@link #read} would (rendering as render.mode says). */
    public Document extract(FetchResult fetched) throws PipelineException {
        try {
            return readPage(fetched, Optional.empty(), callToken()).document();
        } catch (Exception e) {
            throw readFailure(fetched.source(), e);
        }
    }

    /** What reading a fetched source ended with, as the pipeline reports it. */
    private static PipelineException readFailure(String source, Exception failure) {
        return failure(source, "extraction", failure);
    }

    /** What work on {@code source} ({@code stage}: "extraction", …) ended with, as the pipeline reports it. */
    private static PipelineException failure(String source, String stage, Exception failure) {
        return switch (failure) {
            case PipelineException e -> e;
            case CpuPool.Busy e -> new PipelineException(FailureKind.BUSY, e.getMessage(), e);
            case InterruptedException e -> {
                Thread.currentThread().interrupt();
                yield new PipelineException(FailureKind.CANCELLED, source + ": cancelled", e);
            }
            // a budget's message names its stage itself: "extraction used more than its CPU-time budget …"
            case Stopped e when e.reason() == Stopped.Reason.CPU_BUDGET -> stopped(source + ":", e);
            case Stopped e -> stopped(source + ": " + stage, e);
            case ExtractionException e ->
                new PipelineException(FailureKind.UNREADABLE, source + ": " + e.getMessage(), e);
            default ->
                new PipelineException(FailureKind.UNREADABLE, source + ": " + stage + " failed: " + failure, failure);
        };
    }

    /** Extracts {@code fetched}, through the browser when the render mode says so. */
    private SourceRead readPage(FetchResult fetched, Optional<RenderConfig.Mode> render, StopToken call)
            throws Exception {
        Rendering.Decision d = rendering.decide(fetched, render, page -> extracted(page, call));
        Document document;
        if (d.staticExtraction().isPresent()) {
            Extraction read = d.staticExtraction().get();
            document = d.fellBack() ? read.document() : read.requireText();
        } else {
            Extraction read = extracted(d.page(), call);
            document = d.note().rendered() ? read.document() : read.requireText();
        }
        return new SourceRead(document, d.note(), d.warnings());
    }

    /**
     * The document already extracted from the response kept for {@code url}, looked up in the cache without
     * a request and without counting a hit or a miss; empty when either is not kept.
     */
    public Optional<Document> cached(URI url) {
        return fetcher.stored(url)
                .flatMap(result -> cache.peek(Namespace.EXTRACT, extractKey(result)))
                .flatMap(DocumentCodec::decodeExtraction)
                .map(Extraction::document);
    }

    /** The cache key of the document extracted from {@code result}: the same bytes at the same address and type. */
    private String extractKey(FetchResult result) {
        return CacheKey.of(
                Extractor.VERSION,
                config.extractor().includeComments(),
                result.finalUri().toString(),
                result.contentType(),
                result.charset().map(Charset::name),
                result.body());
    }

    /** Browser processes started so far: 0 while every page read was static. */
    public int browserLaunches() {
        return rendering.launches();
    }

    /**
     * The document in {@code result}, from the cache's {@code extract} namespace when the same bytes, read
     * as the same type at the same address (links are made absolute against it), were extracted by this
     * extractor version with the same settings. The {@code extract} stage timer counts real extractions.
     * Extraction runs on the CPU pool (or the caller, for {@link #forReading}) within the source's CPU budget
     * ({@code extractor.max_cpu}).
     */
    private Extraction extracted(FetchResult result, StopToken call)
            throws ExtractionException, CpuPool.Busy, InterruptedException {
        Duration maxCpu = config.extractor().maxCpu();
        // Shared by every caller asking for the same extraction: one caller's cancel does not stop it.
        StopToken shared = call.detached();
        boolean kept = cache.enabled();
        TieredCache.Computation<DocumentCodec.Encoded<Extraction>, Exception> extract =
                () -> extraction.run(shared, result.body().length, () -> {
                    Extraction read = timed(
                            "extract",
                            () -> extractor.read(
                                    result, shared.withCpuBudget(maxCpu, "extraction", "extractor.max_cpu")));
                    // encoded for the cache here too: megabytes of JSON are CPU work like the rest
                    return kept ? DocumentCodec.Encoded.of(read) : new DocumentCodec.Encoded<>(read, Optional.empty());
                });
        TieredCache.Cached<DocumentCodec.Encoded<Extraction>> d;
        try {
            // The key hashes the whole body, a tenth of a cold CLI run's time: only worth it when kept.
            d = kept
                    ? cache.getOrCompute(
                            Namespace.EXTRACT,
                            onCpu(call, result.body().length, () -> extractKey(result)),
                            DocumentCodec.EXTRACTION,
                            extract)
                    : new TieredCache.Cached<>(extract.compute(), TieredCache.Origin.COMPUTED);
        } catch (ExtractionException | CpuPool.Busy | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("extraction failed in an unexpected way", e);
        }
        extractCounts
                .computeIfAbsent(d.hit() ? "hit" : "miss", r -> meters.counter("mcpweb.cache.extract", "result", r))
                .increment();
        return d.value().value();
    }

    /**
     * Summarizes the sources that can be read; the others are listed in the result. {@code clientModel}
     * is the MCP client's model (sampling), used when the configuration asks for it or names no LLM.
     */
    public PipelineResult summarize(
            SummarizeRequest request, SummaryListener listener, Optional<LlmProvider> clientModel)
            throws PipelineException {
        return summarize(request, MoreSources.NONE, listener, clientModel);
    }

    /**
     * As {@link #summarize(SummarizeRequest, SummaryListener, Optional)}, with the sources {@code more} finds
     * from those read (links followed out of them) read and summarized after them.
     */
    public PipelineResult summarize(
            SummarizeRequest request, MoreSources more, SummaryListener listener, Optional<LlmProvider> clientModel)
            throws PipelineException {
        if (request.sources().isEmpty()) {
            throw new PipelineException(FailureKind.SUMMARY, "no source given: pass at least one URL or file path");
        }
        StopToken call = callToken();
        List<SourceRead> reads = new ArrayList<>();
        List<SourceFailure> failures = new ArrayList<>();
        readAll(request.sources(), request.render(), listener, call, reads, failures);
        List<Document> documents = reads.stream().map(SourceRead::document).toList();
        if (documents.isEmpty()) {
            FailureKind kind =
                    failures.stream().map(SourceFailure::kind).distinct().count() == 1
                            ? failures.getFirst().kind()
                            : FailureKind.FAILED;
            throw new PipelineException(
                    kind,
                    failures.size() == 1
                            ? failures.getFirst().message()
                            : "no source could be read: "
                                    + String.join(
                                            "; ",
                                            failures.stream()
                                                    .map(f -> f.source() + ": " + f.message())
                                                    .toList()));
        }
        MoreSources.Found found = more.from(documents, request.query(), listener);
        List<Document> all = new ArrayList<>(documents);
        all.addAll(found.documents());
        found.documents().forEach(d -> reads.add(new SourceRead(d, RenderNote.STATIC, List.of())));
        failures.addAll(found.failures());
        Summary summary = summarize(
                all,
                request.query(),
                request.maxLengthWords(),
                request.mode(),
                request.maxLlmCalls(),
                listener,
                clientModel,
                call);
        return new PipelineResult(
                summary,
                failures,
                reads,
                found.documents().stream().map(d -> d.url().toString()).toList());
    }

    /**
     * Summarizes documents the caller has read already (a crawl's pages), as {@link #summarize(SummarizeRequest,
     * SummaryListener, Optional)} does once its sources are read: same summarizer choice, cache and citations.
     */
    public Summary summarize(
            List<Document> documents,
            Optional<String> query,
            OptionalInt maxLengthWords,
            Optional<MapMode> mode,
            SummaryListener listener,
            Optional<LlmProvider> clientModel)
            throws PipelineException {
        return summarize(documents, query, maxLengthWords, mode, OptionalInt.empty(), listener, clientModel);
    }

    /** As above, within {@code maxLlmCalls} LLM calls when that is fewer than {@code summarizer.max_llm_calls}. */
    public Summary summarize(
            List<Document> documents,
            Optional<String> query,
            OptionalInt maxLengthWords,
            Optional<MapMode> mode,
            OptionalInt maxLlmCalls,
            SummaryListener listener,
            Optional<LlmProvider> clientModel)
            throws PipelineException {
        if (documents.isEmpty()) {
            throw new PipelineException(FailureKind.SUMMARY, "no document to summarize");
        }
        return summarize(documents, query, maxLengthWords, mode, maxLlmCalls, listener, clientModel, callToken());
    }

    private Summary summarize(
            List<Document> documents,
            Optional<String> query,
            OptionalInt maxLengthWords,
            Optional<MapMode> mode,
            OptionalInt maxLlmCalls,
            SummaryListener listener,
            Optional<LlmProvider> clientModel,
            StopToken call)
            throws PipelineException {
        SummarizerChoice choice = choose(mode.orElse(config.summarizer().mode()), clientModel);
        int words = maxLengthWords.orElse(config.summarizer().maxLength());
        try {
            Distinct distinct = distinct(documents, call);
            SummaryRequest summaryRequest = new SummaryRequest(distinct.once(), query, words, call, maxLlmCalls);
            return cachedSummary(choice, summaryRequest, listener).withDuplicates(distinct.copies());
        } catch (SummaryException e) {
            throw new PipelineException(FailureKind.SUMMARY, e.getMessage(), e);
        } catch (CpuPool.Busy e) {
            throw new PipelineException(FailureKind.BUSY, e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineException(FailureKind.CANCELLED, "the summary was cancelled", e);
        } catch (Stopped e) {
            throw stopped("the summary was", e);
        }
    }

    /** The documents to summarize and the copies left out of them. */
    private record Distinct(List<Document> once, List<Summary.Duplicate> copies) {}

    /**
     * Copies (print versions, mirrors, ?utm variants) left out, the first copy summarized and cited; then
     * a paragraph several sources repeat (a disclaimer, a syndicated passage) read once, in the first. Both
     * read every word of every source, so several sources are compared on the CPU pool, under the call's
     * token; one source has nothing to compare with.
     */
    private Distinct distinct(List<Document> documents, StopToken call) throws CpuPool.Busy, InterruptedException {
        if (documents.size() < 2) {
            return new Distinct(documents, List.of());
        }
        long size = documents.stream().mapToLong(d -> d.markdown().length()).sum();
        return cpu.run(call, size, () -> {
            Duplicates copies = Duplicates.among(documents, call);
            return new Distinct(Passages.among(copies.kept(), call).documents(), copies.copies());
        });
    }

    private void readAll(
            List<String> sources,
            Optional<RenderConfig.Mode> render,
            SummaryListener listener,
            StopToken call,
            List<SourceRead> reads,
            List<SourceFailure> failures)
            throws PipelineException {
        AtomicInteger done = new AtomicInteger();
        listener.onProgress("fetch", 0, sources.size());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<SourceRead>> futures = new ArrayList<>();
            for (String source : sources) {
                futures.add(threads.submit(() -> {
                    try {
                        return read(source, render, SummaryListener.NONE, call);
                    } finally {
                        listener.onProgress("fetch", done.incrementAndGet(), sources.size());
                    }
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    reads.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof PipelineException p) {
                        failures.add(new SourceFailure(sources.get(i), p.kind(), p.getMessage()));
                    } else {
                        failures.add(
                                new SourceFailure(sources.get(i), FailureKind.FAILED, String.valueOf(e.getCause())));
                    }
                } catch (InterruptedException e) {
                    call.cancel();
                    threads.shutdownNow();
                    Thread.currentThread().interrupt();
                    throw new PipelineException(FailureKind.SUMMARY, "cancelled while reading the sources", e);
                }
            }
        }
    }

    /**
     * The one place a request's summarizer is chosen: the configured LLM; else the client's model when
     * the configuration asks for sampling or names no LLM; else the embedded summarizer.
     */
    private SummarizerChoice choose(MapMode mode, Optional<LlmProvider> clientModel) throws PipelineException {
        String name = config.summarizer().provider();
        Optional<LlmProvider> provider = name.equals("sampling") || name.equals("extractive") ? clientModel : llm;
        if (provider.isPresent()) {
            return new SummarizerChoice.Llm(provider.get(), mode);
        }
        if (name.equals("sampling")) {
            throw new PipelineException(
                    FailureKind.SUMMARY,
                    "summarizer.provider=sampling uses the MCP client's model, "
                            + "and this client offers none; set MCP_WEB_SUMMARIZER_PROVIDER to extractive or an LLM API");
        }
        return new SummarizerChoice.Extractive();
    }

    private Summarizer summarizer(SummarizerChoice choice) {
        return switch (choice) {
            case SummarizerChoice.Extractive e -> extractive;
            case SummarizerChoice.Llm(LlmProvider p, MapMode mode) -> {
                SummarizerConfig settings = config.summarizer().withMode(mode);
                TokenBudget budget = p instanceof ResilientProvider r
                        ? r.budget()
                        : TokenBudget.forModel(p.name(), p.model(), settings.contextWindow());
                yield new MapReduceSummarizer(
                        p,
                        budget::count,
                        budget.contextWindow(),
                        settings,
                        new Chunker(config.chunker(), budget::count),
                        meters,
                        mapOutputs,
                        cpu);
            }
        };
    }

    private Summary cachedSummary(SummarizerChoice choice, SummaryRequest request, SummaryListener listener)
            throws SummaryException, CpuPool.Busy, InterruptedException {
        // What the summarizer reads, and nothing else: each document's title, Markdown and product facts
        // (not its URL), so the same content under any address hits. A title is the URL only when the page
        // has none.
        List<String> contents = request.documents().stream()
                .flatMap(d -> Stream.of(
                        d.title(), d.markdown(), d.metadata().productFacts().toString()))
                .toList();
        String key = onCpu(
                request.stop(),
                request.textSize(),
                () -> CacheKey.of(
                        SummaryCodec.FORMAT,
                        MapReduceSummarizer.PROMPT_VERSION,
                        choice.identity(),
                        contents,
                        request.query(),
                        request.maxLengthWords(),
                        config.chunker().strategy(),
                        config.chunker().chunkSize(),
                        config.chunker().chunkOverlap(),
                        config.summarizer().temperature()));
        List<Summary.SourceRef> sources = SourceList.of(request.documents());
        SummaryCodec.Citing codec = SummaryCodec.citing(sources);
        Summarizer summarizer = summarizer(choice);
        // Shared by every caller asking for the same summary: one caller's cancel does not stop it.
        SummaryRequest shared = new SummaryRequest(
                request.documents(),
                request.query(),
                request.maxLengthWords(),
                request.stop().detached(),
                request.maxLlmCalls());
        TieredCache.Cached<Summary> summary;
        try {
            // The embedded summarizer is all CPU: it runs on the CPU pool. Map-reduce mostly waits for the
            // LLM and puts only its chunking there.
            summary = cache.getOrCompute(
                    Namespace.SUMMARY,
                    key,
                    codec,
                    () -> choice instanceof SummarizerChoice.Llm
                            ? summarizer.summarize(shared, listener)
                            : cpu.run(shared.stop(), shared.textSize(), () -> summarizer.summarize(shared, listener)));
        } catch (SummaryException | CpuPool.Busy | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("summary failed in an unexpected way", e);
        }
        meters.counter("mcpweb.cache.summary", "result", summary.hit() ? "hit" : "miss")
                .increment();
        if (!summary.hit()) {
            return summary.value();
        }
        // A summary made for another request at the same time cites that request's sources: cite ours.
        Summary hit = summary.origin() == TieredCache.Origin.SHARED ? codec.asStored(summary.value()) : summary.value();
        listener.onDelta(hit.markdown());
        return hit;
    }

    /**
     * The warnings for text in {@code document} addressed to an AI ({@link InjectionScan}), each naming
     * {@code source}; a document of megabytes is scanned on the CPU pool, under the call's deadline.
     */
    public List<String> injectionWarnings(String source, Document document) throws PipelineException {
        StopToken call = callToken();
        long size = (long) document.markdown().length() + document.text().length();
        try {
            return onCpu(call, size, () -> InjectionScan.warnings(source, document, call));
        } catch (CpuPool.Busy | InterruptedException | Stopped e) { // the call's token has no CPU budget
            throw failure(source, "the scan for text addressed to an AI", e);
        }
    }

    /** {@code work} on an input of {@code size}: on the calling thread when small, else on the CPU pool. */
    private <T, E extends Exception> T onCpu(StopToken token, long size, CpuPool.Task<T, E> work)
            throws E, CpuPool.Busy, InterruptedException {
        return (size <= INLINE_MAX ? CpuRunner.CALLER : cpu).run(token, size, work);
    }

    /** The failure for work that {@code e} stopped: cancelled, out of time, or over its CPU budget. */
    private static PipelineException stopped(String what, Stopped e) {
        FailureKind kind = switch (e.reason()) {
            case CANCELLED -> FailureKind.CANCELLED;
            case DEADLINE -> FailureKind.FAILED;
            case CPU_BUDGET -> FailureKind.UNREADABLE;
        };
        return new PipelineException(kind, what + " " + e.getMessage(), e);
    }

    private interface Stage<T, E extends Exception> {
        T run() throws E;
    }

    private <T, E extends Exception> T timed(String stage, Stage<T, E> work) throws E {
        long t0 = System.nanoTime();
        try {
            return work.run();
        } finally {
            stageTimers
                    .computeIfAbsent(
                            stage,
                            s -> Timer.builder("mcpweb.stage").tag("stage", s).register(meters))
                    .record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
        }
    }

    /** The CPU pool's figures now (threads, busy, queued), for health checks. */
    public CpuPool.Load cpuLoad() {
        return cpu.load();
    }

    /** Whether the cache runs on its memory tier alone because its shared store (Redis) is unreachable. */
    public boolean cacheDegraded() {
        return cache.degraded();
    }

    /** Whether the LLM rate limits are meant to be shared through Redis but it is unreachable. */
    public boolean limitsDegraded() {
        return limits.degraded();
    }

    public CacheStats cacheStats() {
        return cache.stats();
    }

    /** Removes every entry, or those of one namespace; returns how many went. */
    public long clearCache(Optional<Namespace> namespace) {
        return cache.clear(namespace);
    }

    /** Removes expired entries and trims to the size bound; returns how many went. */
    public long pruneCache(Optional<Namespace> namespace) {
        return cache.prune(namespace);
    }

    @Override
    public void close() {
        llm.ifPresent(LlmProvider::close);
        rendering.close();
        fetcher.close();
        cache.close();
        limits.close();
        cpu.close();
    }
}
