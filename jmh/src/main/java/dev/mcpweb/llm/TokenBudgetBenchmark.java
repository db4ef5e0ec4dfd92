package dev.mcpweb.llm;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Counting 100k tokens of prose: {@code bin/jmh TokenBudgetBenchmark -f 1 -wi 3 -i 5}. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TokenBudgetBenchmark {
    @Param({"gpt-4o", "gpt-4", "claude-haiku-4-5"})
    public String model;

    private TokenBudget budget;
    private String text;

    @Setup
    public void setUp() {
        budget = TokenBudget.forModel(model.startsWith("claude") ? "anthropic" : "openai", model, 0);
        StringBuilder sb = new StringBuilder();
        String[] words = {
            "harbour",
            "the",
            "ships",
            "grain",
            "terminal",
            "opened",
            "in",
            "1892,",
            "dredged",
            "twice;",
            "tonnes",
            "dock",
            "there",
            "today.",
            "Most",
            "carry",
            "a",
            "new",
            "is",
            "planned"
        };
        int i = 0;
        while (sb.length() < 500_000) {
            sb.append(words[(i * 7 + i / 3) % words.length]).append(i % 11 == 10 ? ".\n\n" : " ");
            i++;
        }
        text = sb.toString();
    }

    @Benchmark
    public int count() {
        return budget.count(text);
    }
}
