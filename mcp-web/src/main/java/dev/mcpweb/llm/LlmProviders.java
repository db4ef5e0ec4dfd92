package dev.mcpweb.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.mcpweb.config.BaseUrl;
import dev.mcpweb.config.ConfigException;
import dev.mcpweb.config.Secret;
import dev.mcpweb.config.SummarizerConfig;
import dev.mcpweb.limit.Limits;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * Builds the configured LLM provider: OpenAI and every OpenAI-compatible server ({@code openai},
 * {@code lmstudio}, {@code localai}, {@code custom}), Anthropic, Ollama, or the MCP client's model
 * ({@code sampling}). What it returns is a {@link ResilientProvider}: concurrency-limited,
 * rate-limited and retrying. Nothing is returned for {@code extractive}, the embedded summarizer.
 */
public final class LlmProviders {
    private LlmProviders() {}

    /**
     * The provider {@code config} asks for, or empty for {@code extractive}. {@code sampling} needs an
     * MCP client: use {@link #fromConfig(SummarizerConfig, SamplingClient)}; here it is a
     * {@link ConfigException}. Bad settings (no key for OpenAI, no base URL for {@code custom}) are
     * {@link ConfigException}s that name the option to set.
     */
    public static Optional<LlmProvider> fromConfig(SummarizerConfig config) {
        return fromConfig(config, Limits.local());
    }

    /**
     * As {@link #fromConfig(SummarizerConfig)}, its requests and tokens per minute counted in the buckets
     * of {@code limits} (shared by every replica when they are in Redis).
     */
    public static Optional<LlmProvider> fromConfig(SummarizerConfig config, Limits limits) {
        return build(config, Optional.empty(), ResilientProvider.Policy.of(config), limits);
    }

    /** As {@link #fromConfig(SummarizerConfig)}, with {@code sampling} serving {@code provider=sampling}. */
    public static Optional<LlmProvider> fromConfig(SummarizerConfig config, SamplingClient sampling) {
        return build(config, Optional.of(sampling), ResilientProvider.Policy.of(config), Limits.local());
    }

    /** The model that will answer: {@code summarizer.model}, else the provider's default. */
    public static String modelOf(SummarizerConfig config) {
        if (!config.model().isBlank()) {
            return config.model().strip();
        }
        return switch (provider(config)) {
            case "openai" -> "gpt-4o-mini";
            case "anthropic" -> "claude-haiku-4-5";
            case "ollama" -> "llama3.2";
            default -> "";
        };
    }

    /** The base URL calls go to: {@code summarizer.api_base}, else the provider's default. */
    public static String baseUrlOf(SummarizerConfig config) {
        if (!config.apiBase().isBlank()) {
            return stripSlash(config.apiBase().strip());
        }
        return switch (provider(config)) {
            case "openai" -> "https://api.openai.com/v1";
            case "anthropic" -> "https://api.anthropic.com/v1";
            case "ollama" -> "http://localhost:11434";
            case "lmstudio" -> "http://localhost:1234/v1";
            case "localai" -> "http://localhost:8080/v1";
            default -> "";
        };
    }

    static Optional<LlmProvider> build(
            SummarizerConfig config,
            Optional<SamplingClient> sampling,
            ResilientProvider.Policy policy,
            Limits limits) {
        String provider = provider(config);
        if (provider.equals("extractive")) {
            return Optional.empty();
        }
        TokenBudget budget = TokenBudget.of(config);
        LlmProvider raw;
        if (provider.equals("sampling")) {
            raw = new SamplingProvider(
                    sampling.orElseThrow(() -> new ConfigException("summarizer.provider=sampling uses the MCP "
                            + "client's model and works only under `mcp-web serve`; set MCP_WEB_SUMMARIZER_PROVIDER "
                            + "to openai, anthropic, ollama or extractive here")),
                    config.model().strip(),
                    budget);
        } else {
            raw = http(config, provider, budget);
        }
        return Optional.of(new ResilientProvider(raw, policy, budget, limits));
    }

    private static LlmProvider http(SummarizerConfig config, String provider, TokenBudget budget) {
        String model = modelOf(config);
        String baseUrl = baseUrlOf(config);
        Optional<Secret> key = config.apiKey().filter(k -> !k.reveal().isBlank());
        if (baseUrl.isEmpty()) {
            throw new ConfigException("summarizer.provider=" + provider + " needs summarizer.api_base "
                    + "(MCP_WEB_SUMMARIZER_API_BASE), the server's OpenAI-compatible base URL, e.g. "
                    + "http://localhost:8000/v1");
        }
        if (model.isEmpty()) {
            throw new ConfigException("summarizer.provider=" + provider + " needs summarizer.model "
                    + "(MCP_WEB_SUMMARIZER_MODEL): the name the server lists under "
                    + BaseUrl.mask(baseUrl + "/models"));
        }
        if (key.isEmpty()
                && config.apiBase().isBlank()
                && (provider.equals("openai") || provider.equals("anthropic"))) {
            String fallback = provider.equals("openai") ? "OPENAI_API_KEY" : "ANTHROPIC_API_KEY";
            throw new ConfigException("summarizer.provider=" + provider + " needs an API key: set "
                    + "MCP_WEB_SUMMARIZER_API_KEY, " + fallback + " or summarizer.api_key_file");
        }
        // Credentials in the base URL are kept out of the URL LangChain4j builds on and added per request.
        BaseUrl base = BaseUrl.parse(baseUrl);
        Redactor redactor = Redactor.of(key, base.secrets());
        OkHttpClient client = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        LlmHttpTransport transport =
                new LlmHttpTransport(client, base, config.timeout(), config.idleTimeout(), redactor);
        baseUrl = base.address();
        // Local servers take no key; the OpenAI client still wants one to build.
        String apiKey = key.map(Secret::reveal).orElse("none");
        Models models = switch (provider) {
            case "anthropic" ->
                new Models(
                        AnthropicChatModel.builder()
                                .httpClientBuilder(transport.asBuilder())
                                .baseUrl(baseUrl)
                                .apiKey(apiKey)
                                .modelName(model)
                                .maxTokens(config.maxTokens())
                                .timeout(config.timeout())
                                .maxRetries(0)
                                .build(),
                        AnthropicStreamingChatModel.builder()
                                .httpClientBuilder(transport.asBuilder())
                                .baseUrl(baseUrl)
                                .apiKey(apiKey)
                                .modelName(model)
                                .maxTokens(config.maxTokens())
                                .timeout(config.timeout())
                                .build());
            case "ollama" -> {
                // Ollama serves 4096 tokens of context unless num_ctx says otherwise.
                Integer numCtx = config.contextWindow() > 0 ? config.contextWindow() : null;
                yield new Models(
                        OllamaChatModel.builder()
                                .httpClientBuilder(transport.asBuilder())
                                .baseUrl(baseUrl)
                                .modelName(model)
                                .numCtx(numCtx)
                                .timeout(config.timeout())
                                .maxRetries(0)
                                .build(),
                        OllamaStreamingChatModel.builder()
                                .httpClientBuilder(transport.asBuilder())
                                .baseUrl(baseUrl)
                                .modelName(model)
                                .numCtx(numCtx)
                                .timeout(config.timeout())
                                .build());
            }
            default ->
                new Models(
                        OpenAiChatModel.builder()
                                .httpClientBuilder(transport.asBuilder())
                                .baseUrl(baseUrl)
                                .apiKey(apiKey)
                                .modelName(model)
                                .timeout(config.timeout())
                                .maxRetries(0)
                                .build(),
                        OpenAiStreamingChatModel.builder()
                                .httpClientBuilder(transport.asBuilder())
                                .baseUrl(baseUrl)
                                .apiKey(apiKey)
                                .modelName(model)
                                .timeout(config.timeout())
                                .build());
        };
        boolean openAiApi = !provider.equals("anthropic") && !provider.equals("ollama");
        return new LangChainProvider(
                provider,
                model,
                base.masked(),
                openAiApi,
                models.chat(),
                models.streaming(),
                transport,
                redactor,
                budget);
    }

    /** The plain and the streaming client of one provider, sharing one transport. */
    private record Models(ChatModel chat, StreamingChatModel streaming) {}

    private static String provider(SummarizerConfig config) {
        return config.provider().strip().toLowerCase(Locale.ROOT);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
