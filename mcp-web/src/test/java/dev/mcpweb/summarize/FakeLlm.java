package dev.mcpweb.summarize;

import dev.mcpweb.llm.Completion;
import dev.mcpweb.llm.LlmException;
import dev.mcpweb.llm.LlmProvider;
import dev.mcpweb.llm.LlmRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process model for summarizer tests: answers with the first sentence of each paragraph inside
 * the prompt's fence (so citations and markers pass through), takes a few random milliseconds so calls
 * finish out of order, and counts calls in flight and their peak. Behaviours are switched per test.
 */
final class FakeLlm implements LlmProvider {
    private static final Pattern FENCE = Pattern.compile("(?s)<(page\\d*)>\\n(.*?)\\n</\\1>");

    final List<LlmRequest> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger peak = new AtomicInteger();
    final AtomicInteger interrupted = new AtomicInteger();
    volatile String failWhenPromptContains = "\u0000never";
    volatile boolean blockUntilInterrupted;
    volatile boolean verbose;
    volatile boolean irrelevantUnlessContains;
    volatile String relevantMarker = "";
    volatile String extraAnswer = "";

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public String model() {
        return "fake-1";
    }

    @Override
    public Completion complete(LlmRequest request) throws LlmException {
        return stream(request, d -> {});
    }

    @Override
    public Completion stream(LlmRequest request, Consumer<String> onDelta) throws LlmException {
        requests.add(request);
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        try {
            if (blockUntilInterrupted) {
                Thread.sleep(Long.MAX_VALUE);
            }
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 8)); // simulated latency, shuffles completion order
            if (request.user().contains(failWhenPromptContains)) {
                throw new LlmException(
                        LlmException.Kind.TRANSIENT, 503, "503 from fake: still failing after 3 retries", null);
            }
            String answer = answer(request);
            for (String piece : answer.split("(?<= )")) {
                onDelta.accept(piece);
            }
            return new Completion(
                    answer, (request.system().length() + request.user().length()) / 4, answer.length() / 4, "stop");
        } catch (InterruptedException e) {
            interrupted.incrementAndGet();
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.CANCELLED, "cancelled");
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private String answer(LlmRequest request) {
        Matcher m = FENCE.matcher(request.user());
        // The fenced page text without the title and section lines the prompts put first, which a model takes
        // as context rather than repeating in its notes.
        String data = (m.find() ? m.group(2) : "").replaceAll("(?m)^(Title|Section): .*\n", "");
        if (irrelevantUnlessContains
                && request.system().contains("NOTHING_RELEVANT")
                && !data.contains(relevantMarker)) {
            return "NOTHING_RELEVANT";
        }
        if (verbose) {
            return (data + " ").repeat(3).strip();
        }
        StringBuilder sb = new StringBuilder();
        for (String paragraph : data.split("\\n\\s*\\n")) {
            String p = paragraph.strip();
            if (p.isEmpty() || p.startsWith("#")) {
                p = p.lines().skip(1).findFirst().orElse("").strip();
            }
            int end = p.indexOf(". ");
            sb.append(end > 0 ? p.substring(0, end + 1) : p).append("\n\n");
        }
        String answer = sb.toString().strip();
        int limit = request.maxTokens() * 3; // about three characters a token, as the model honours max_tokens
        return ((answer.length() > limit ? answer.substring(0, limit) : answer) + extraAnswer).strip();
    }
}
