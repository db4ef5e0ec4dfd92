package dev.mcpweb.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The LLM flags every command that calls a model takes ({@code @Mixin}); each is a shortcut for a
 * {@code summarizer.*} option. There is no {@code --api-key}: a key on the command line ends up in
 * shell history and {@code ps}; use {@code --api-key-file} or the environment.
 */
final class LlmOptions {
    @Option(
            names = "--provider",
            paramLabel = "NAME",
            description = "extractive, openai, anthropic, ollama, sampling, or an OpenAI-compatible server: "
                    + "lmstudio, localai, custom (MCP_WEB_SUMMARIZER_PROVIDER).")
    String provider;

    @Option(names = "--model", paramLabel = "NAME", description = "Model name (MCP_WEB_SUMMARIZER_MODEL).")
    String model;

    @Option(
            names = {"--base-url", "--api-base"},
            paramLabel = "URL",
            description = "The provider's base URL, e.g. http://localhost:8000/v1 (MCP_WEB_SUMMARIZER_API_BASE).")
    String baseUrl;

    @Option(
            names = "--api-key-file",
            paramLabel = "FILE",
            description = "File whose first line is the API key (MCP_WEB_SUMMARIZER_API_KEY_FILE).")
    Path apiKeyFile;

    @Option(
            names = "--context-window",
            paramLabel = "TOKENS",
            description = "The model's context window (MCP_WEB_SUMMARIZER_CONTEXT_WINDOW).")
    Integer contextWindow;

    @Option(
            names = "--max-concurrent",
            paramLabel = "N",
            description = "LLM calls in flight at once (MCP_WEB_SUMMARIZER_MAX_CONCURRENT).")
    Integer maxConcurrent;

    /** The flags given, for {@code Cli.loadConfig}. */
    FlagSettings flags() {
        return new FlagSettings()
                .put("--provider", "summarizer.provider", provider)
                .put("--model", "summarizer.model", model)
                .put("--base-url", "summarizer.api_base", baseUrl)
                .put("--api-key-file", "summarizer.api_key_file", apiKeyFile)
                .put("--context-window", "summarizer.context_window", contextWindow)
                .put("--max-concurrent", "summarizer.max_concurrent", maxConcurrent);
    }
}
