package dev.mcpweb.cli;

import dev.mcpweb.config.BaseUrl;
import dev.mcpweb.config.Config;
import dev.mcpweb.config.ConfigException;
import dev.mcpweb.config.Secret;
import dev.mcpweb.config.SummarizerConfig;
import dev.mcpweb.llm.Completion;
import dev.mcpweb.llm.LlmException;
import dev.mcpweb.llm.LlmProvider;
import dev.mcpweb.llm.LlmProviders;
import dev.mcpweb.llm.LlmRequest;
import dev.mcpweb.llm.TokenBudget;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mcp-web doctor}: checks the summarizer configuration with one tiny call, and says what to fix. */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Check the configuration and make one tiny call (plain and streamed) to the configured LLM; "
                + "print what works and what to fix. Exit 0 when everything works, 4 when something does not.")
final class DoctorCommand implements Callable<Integer> {
    private static final LlmRequest PING = new LlmRequest("Answer with one word.", "Say: ok.", 8, 0.0);

    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Mixin
    LlmOptions llm;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // One attempt per call: doctor reports failures, it does not wait them out.
        Config config = cli.loadConfig(llm.flags()).with(Map.of("summarizer.max_retries", "0"), "doctor");
        SummarizerConfig s = config.summarizer();
        String provider = s.provider();
        Path file = cli.configFile == null ? Config.DEFAULT_FILE : cli.configFile;
        out.printf(
                "✓ configuration loads (%s)%n",
                Files.isRegularFile(file) ? "config file " + file : "no config file; defaults and environment");
        out.printf("  provider %s (from %s)%n", provider, config.sourceOf("summarizer.provider"));
        boolean ok = switch (provider) {
            case "extractive" -> {
                out.println("✓ the embedded extractive summarizer needs no model, key or network");
                out.println(
                        "  to summarize with an LLM, set MCP_WEB_SUMMARIZER_PROVIDER (see README, \"Using an LLM\")");
                yield true;
            }
            case "sampling" -> {
                out.println(
                        "✓ sampling uses the MCP client's own model; it can only be checked under `mcp-web serve`,");
                out.println("  by a client that supports sampling/createMessage");
                yield true;
            }
            default -> checkLlm(out, s);
        };
        out.flush();
        return ok ? ExitCode.OK : ExitCode.FAILED;
    }

    private static boolean checkLlm(PrintWriter out, SummarizerConfig s) {
        out.printf("  model %s at %s%n", LlmProviders.modelOf(s), BaseUrl.mask(LlmProviders.baseUrlOf(s)));
        out.printf(
                "  API key %s%n",
                s.apiKey().map(k -> k.masked() + " (from " + k.source() + ")").orElse("none"));
        TokenBudget budget = TokenBudget.of(s);
        out.printf(
                "  tokens counted with %s, context window %,d%s%n",
                budget.method(), budget.contextWindow(), s.contextWindow() > 0 ? " (summarizer.context_window)" : "");
        Optional<LlmProvider> built;
        try {
            built = LlmProviders.fromConfig(s);
        } catch (ConfigException e) {
            out.println("✗ " + e.getMessage());
            return false;
        }
        try (LlmProvider provider = built.orElseThrow()) {
            boolean plain = check(out, "plain call", () -> provider.complete(PING), s.apiKey());
            boolean streamed = plain
                    && check(
                            out,
                            "streamed call",
                            () -> {
                                AtomicLong first = new AtomicLong();
                                long start = System.nanoTime();
                                Completion c =
                                        provider.stream(PING, d -> first.compareAndSet(0, System.nanoTime() - start));
                                out.printf("  first token after %d ms%n", first.get() / 1_000_000);
                                return c;
                            },
                            s.apiKey());
            if (plain && streamed) {
                out.println("✓ ready to summarize with " + provider.name() + " " + provider.model());
            }
            return plain && streamed;
        }
    }

    private interface Call {
        Completion run() throws LlmException;
    }

    private static boolean check(PrintWriter out, String what, Call call, Optional<Secret> key) {
        long start = System.nanoTime();
        try {
            Completion c = call.run();
            out.printf(
                    "✓ %s answered in %d ms: \"%s\" (%d tokens in, %d out, finish %s)%n",
                    what,
                    (System.nanoTime() - start) / 1_000_000,
                    abbreviate(c.text()),
                    c.inputTokens(),
                    c.outputTokens(),
                    c.finishReason());
            return true;
        } catch (LlmException e) {
            String message = e.getMessage();
            if (key.isPresent()) {
                message = message.replace(key.get().reveal(), key.get().masked());
            }
            out.printf("✗ %s failed (%s): %s%n", what, e.kind().name().toLowerCase(java.util.Locale.ROOT), message);
            return false;
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 60 ? oneLine.substring(0, 60) + "…" : oneLine;
    }
}
