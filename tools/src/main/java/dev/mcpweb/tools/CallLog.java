package dev.mcpweb.tools;

import dev.mcpweb.llm.Completion;
import dev.mcpweb.llm.LlmException;
import dev.mcpweb.llm.LlmProvider;
import dev.mcpweb.llm.LlmRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * For benchmarks: records every LLM call (its kind, start, end and output tokens) and computes what
 * the same call graph would take under the simulated server's latency model with no overhead of ours:
 * phases (map, each collapse round, the final call) run one after another, and within a phase the
 * calls share the available slots.
 */
final class CallLog implements LlmProvider {
    record Call(String kind, boolean streamed, long startNanos, long endNanos, int outputTokens) {}

    /**
     * Time of a call graph: the zero-overhead schedule under the latency model, a strict lower bound
     * below it, and the same schedule with each call's measured duration (what the server actually
     * took, HTTP included), which leaves only the summarizer's own overhead outside it.
     */
    record Bound(double idealMs, double lowerBoundMs, double servedIdealMs) {}

    /** Per kind of call: how many, and their mean measured and modelled durations. */
    record KindStats(String kind, int calls, double meanMeasuredMs, double meanModelledMs, double meanOutputTokens) {}

    static List<KindStats> kinds(List<Call> calls, double ttftMs, double msPerToken) {
        List<KindStats> out = new ArrayList<>();
        for (String kind : List.of("map", "collapse", "final")) {
            List<Call> of = calls.stream().filter(c -> c.kind().equals(kind)).toList();
            if (of.isEmpty()) {
                continue;
            }
            out.add(new KindStats(
                    kind,
                    of.size(),
                    of.stream()
                            .mapToDouble(c -> (c.endNanos() - c.startNanos()) / 1e6)
                            .average()
                            .orElse(0),
                    of.stream()
                            .mapToDouble(c -> modelled(c, ttftMs, msPerToken))
                            .average()
                            .orElse(0),
                    of.stream().mapToDouble(Call::outputTokens).average().orElse(0)));
        }
        return out;
    }

    private static double modelled(Call c, double ttftMs, double msPerToken) {
        return ttftMs + msPerToken * (c.streamed() ? Math.max(0, c.outputTokens() - 1) : c.outputTokens());
    }

    private final LlmProvider delegate;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    CallLog(LlmProvider delegate) {
        this.delegate = delegate;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String model() {
        return delegate.model();
    }

    @Override
    public Completion complete(LlmRequest request) throws LlmException {
        long t0 = System.nanoTime();
        Completion c = delegate.complete(request);
        calls.add(new Call(kind(request), false, t0, System.nanoTime(), c.outputTokens()));
        return c;
    }

    @Override
    public Completion stream(LlmRequest request, Consumer<String> onDelta) throws LlmException {
        long t0 = System.nanoTime();
        Completion c = delegate.stream(request, onDelta);
        calls.add(new Call(kind(request), true, t0, System.nanoTime(), c.outputTokens()));
        return c;
    }

    @Override
    public void close() {
        delegate.close();
    }

    private static String kind(LlmRequest r) {
        if (r.system().startsWith("You take notes")) {
            return "map";
        }
        if (r.system().startsWith("You merge notes")) {
            return "collapse";
        }
        return "final";
    }

    /** The bound for the recorded calls with {@code slots} calls at once and the given latency model. */
    static Bound bound(List<Call> calls, int slots, double ttftMs, double msPerToken) {
        double ideal = 0;
        double lower = 0;
        double served = 0;
        for (List<Call> phase : phases(calls)) {
            double[] d = phase.stream()
                    .mapToDouble(c -> modelled(c, ttftMs, msPerToken))
                    .toArray();
            double[] measured = phase.stream()
                    .mapToDouble(c -> (c.endNanos() - c.startNanos()) / 1e6)
                    .toArray();
            ideal += makespan(d, slots);
            served += makespan(measured, slots);
            lower += Math.max(Arrays.stream(d).max().orElse(0), Arrays.stream(d).sum() / slots);
        }
        return new Bound(ideal, lower, served);
    }

    /** The time {@code durations}, started in order on {@code slots} slots as each frees up, take in all. */
    private static double makespan(double[] durations, int slots) {
        PriorityQueue<Double> free = new PriorityQueue<>();
        for (int i = 0; i < slots; i++) {
            free.add(0.0);
        }
        double makespan = 0;
        for (double d : durations) {
            double end = free.poll() + d;
            free.add(end);
            makespan = Math.max(makespan, end);
        }
        return makespan;
    }

    /** Map calls, then collapse rounds (a round starts after every earlier call ended), then final calls. */
    static List<List<Call>> phases(List<Call> calls) {
        List<Call> sorted = new ArrayList<>(calls);
        sorted.sort(Comparator.comparingLong(Call::startNanos));
        List<List<Call>> phases = new ArrayList<>();
        List<Call> map = sorted.stream().filter(c -> c.kind().equals("map")).toList();
        if (!map.isEmpty()) {
            phases.add(map);
        }
        List<Call> round = new ArrayList<>();
        long roundEnd = Long.MIN_VALUE;
        for (Call c : sorted.stream().filter(c -> c.kind().equals("collapse")).toList()) {
            if (!round.isEmpty() && c.startNanos() >= roundEnd) {
                phases.add(round);
                round = new ArrayList<>();
            }
            round.add(c);
            roundEnd = Math.max(roundEnd, c.endNanos());
        }
        if (!round.isEmpty()) {
            phases.add(round);
        }
        sorted.stream().filter(c -> c.kind().equals("final")).forEach(c -> phases.add(List.of(c)));
        return phases;
    }
}
