package dev.mcpweb.llm;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.mcpweb.config.SummarizerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How many tokens a text is for one model, and what fits in its context window. OpenAI's GPT-4o,
 * GPT-4.1, GPT-5 and o-series models count with o200k_base, other OpenAI models with cl100k_base;
 * Anthropic and local models have no public tokenizer here, so their count is cl100k_base scaled up
 * by a conservative factor (over-counting only costs a smaller chunk; under-counting overflows the
 * window). The window comes from {@code summarizer.context_window} when set, else a table of known
 * models.
 */
public final class TokenBudget {
    /** Per-message framing the chat formats add around the text (role markers, separators). */
    static final int MESSAGE_OVERHEAD = 16;

    /** Claude's tokenizer yields about 10–20% more tokens than cl100k_base on English prose. */
    static final double ANTHROPIC_FACTOR = 1.2;

    /** Local models range from Llama 3's 128k vocabulary (≈ cl100k) to 32k vocabularies (≈ +25%). */
    static final double LOCAL_FACTOR = 1.25;

    private static final int UNKNOWN_WINDOW = 8_192;
    private static final int PARALLEL_FROM = 64 * 1024;
    private static final int SEGMENT = 16 * 1024;
    /** On two cores or fewer, splitting measured slower than one pass (see the report of issue 4). */
    private static final boolean PARALLEL = Runtime.getRuntime().availableProcessors() > 2;

    private record Window(String prefix, int tokens) {}

    /** Longest prefix first so that gpt-4o matches before gpt-4. */
    private static final List<Window> WINDOWS = List.of(
            new Window("gpt-4.1", 1_047_576),
            new Window("gpt-4o", 128_000),
            new Window("gpt-4-turbo", 128_000),
            new Window("gpt-4-32k", 32_768),
            new Window("gpt-4", 8_192),
            new Window("gpt-3.5-turbo", 16_385),
            new Window("gpt-5", 400_000),
            new Window("gpt-oss", 131_072),
            new Window("o1-mini", 128_000),
            new Window("o1", 200_000),
            new Window("o3", 200_000),
            new Window("o4", 200_000),
            new Window("claude", 200_000),
            new Window("llama3.1", 131_072),
            new Window("llama3.2", 131_072),
            new Window("llama3.3", 131_072),
            new Window("llama3", 8_192),
            new Window("mistral-nemo", 131_072),
            new Window("mistral", 32_768),
            new Window("mixtral", 32_768),
            new Window("qwen3", 40_960),
            new Window("qwen2.5", 32_768),
            new Window("gemma3", 131_072),
            new Window("gemma2", 8_192),
            new Window("phi4", 16_384),
            new Window("deepseek-r1", 131_072));

    /** Encodings are immutable and costly to build (~100 ms): built once, on first use. */
    private static final class Registry {
        static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
    }

    private final Encoding encoding;
    private final double factor;
    private final int contextWindow;
    private final String method;

    private TokenBudget(EncodingType type, double factor, int contextWindow) {
        this.encoding = Registry.REGISTRY.getEncoding(type);
        this.factor = factor;
        this.contextWindow = contextWindow;
        this.method = type.getName() + (factor == 1.0 ? "" : " x" + factor);
    }

    /** The budget for the configured provider and model. */
    public static TokenBudget of(SummarizerConfig config) {
        return forModel(config.provider(), LlmProviders.modelOf(config), config.contextWindow());
    }

    /**
     * The budget for {@code model} served by {@code provider} ({@code openai}, {@code anthropic},
     * {@code ollama}, …); {@code contextWindowOverride} wins over the table when above zero.
     */
    public static TokenBudget forModel(String provider, String model, int contextWindowOverride) {
        String m = model.toLowerCase(Locale.ROOT);
        String p = provider.toLowerCase(Locale.ROOT);
        boolean o200k = m.startsWith("gpt-4o")
                || m.startsWith("gpt-4.1")
                || m.startsWith("gpt-5")
                || m.startsWith("gpt-oss")
                || m.matches("^o\\d.*")
                || m.startsWith("chatgpt-4o");
        EncodingType type = o200k ? EncodingType.O200K_BASE : EncodingType.CL100K_BASE;
        double factor;
        if (p.equals("anthropic") || m.startsWith("claude")) {
            factor = ANTHROPIC_FACTOR;
        } else if (m.startsWith("gpt-") || o200k) {
            factor = 1.0;
        } else {
            factor = LOCAL_FACTOR;
        }
        int window = contextWindowOverride > 0 ? contextWindowOverride : knownWindow(p, m);
        return new TokenBudget(type, factor, window);
    }

    private static int knownWindow(String provider, String model) {
        if (provider.equals("ollama") && !model.isEmpty()) {
            // Ollama serves 4096 tokens of context (num_ctx) unless told otherwise, whatever the model
            // could take; LlmProviders passes summarizer.context_window on as num_ctx when it is set.
            return 4_096;
        }
        String bare = model.contains("/") ? model.substring(model.lastIndexOf('/') + 1) : model;
        return WINDOWS.stream()
                .filter(w -> bare.startsWith(w.prefix()))
                .mapToInt(Window::tokens)
                .findFirst()
                .orElse(UNKNOWN_WINDOW);
    }

    /** Tokens in {@code text} for this model (exact for OpenAI models, a safe over-estimate otherwise). */
    public int count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int exact =
                text.length() >= PARALLEL_FROM && PARALLEL ? countInParallel(text) : encoding.countTokensOrdinary(text);
        return factor == 1.0 ? exact : (int) Math.ceil(exact * factor);
    }

    /**
     * Long texts are cut into segments at places where both encodings' pre-tokenizers start a new piece
     * anyway — a single space between a non-space and a letter — so the sum of the segments' counts is
     * the exact count, computed on every core. JTokkit counts about 100k tokens in 10 ms (cl100k_base)
     * to 30 ms (o200k_base) of CPU on one core.
     */
    int countInParallel(String text) {
        List<String> segments = new ArrayList<>();
        int start = 0;
        while (text.length() - start > SEGMENT) {
            int cut = cutPoint(text, start + SEGMENT);
            if (cut < 0) {
                break;
            }
            segments.add(text.substring(start, cut));
            start = cut;
        }
        segments.add(text.substring(start));
        return segments.parallelStream().mapToInt(encoding::countTokensOrdinary).sum();
    }

    static int cutPoint(String text, int from) {
        for (int i = Math.max(1, from); i < text.length() - 1; i++) {
            if (text.charAt(i) == ' '
                    && !Character.isWhitespace(text.charAt(i - 1))
                    && Character.isLetter(text.charAt(i + 1))) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code prompt} plus {@code reservedOutput} tokens of answer fit the context window. */
    public boolean fits(String prompt, int reservedOutput) {
        int room = contextWindow - MESSAGE_OVERHEAD - reservedOutput;
        // A byte-level BPE token is at least one UTF-8 byte, and a char at most three bytes.
        if (prompt == null || Math.ceil(3.0 * prompt.length() * factor) <= room) {
            return room >= 0;
        }
        return count(prompt) <= room;
    }

    /**
     * The largest chunk, in tokens, that fits beside {@code promptOverhead} tokens of instructions and
     * {@code reservedOutput} tokens of answer; 0 when nothing fits.
     */
    public int maxChunkTokens(int promptOverhead, int reservedOutput) {
        return Math.max(0, contextWindow - MESSAGE_OVERHEAD - promptOverhead - reservedOutput);
    }

    /** The model's context window in tokens. */
    public int contextWindow() {
        return contextWindow;
    }

    /** How tokens are counted, e.g. {@code o200k_base} or {@code cl100k_base x1.2}. */
    public String method() {
        return method;
    }

    @Override
    public String toString() {
        return "TokenBudget[" + method + ", window " + contextWindow + "]";
    }
}
