package dev.mcpweb.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpweb.cli.CliRun;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Runs {@code bench load … --json} in this JVM for a test; skips the test when Redis or HAProxy is missing. */
final class BenchLoadRun {
    private BenchLoadRun() {}

    /** The first run's figures, after checking that the command succeeded. */
    static JsonNode firstRun(String... arguments) throws Exception {
        CliRun cli = new CliRun();
        int code = cli.run(
                Stream.concat(Stream.of("bench", "load"), Stream.of(arguments)).toArray(String[]::new));
        Assumptions.assumeFalse(
                cli.err().contains("no redis-server on the PATH") || cli.err().contains("no haproxy on the PATH"),
                "redis-server or haproxy is not installed (bin/test installs them)");
        assertThat(code).as(cli.err()).isZero();
        return new ObjectMapper().readTree(cli.out()).path("runs").get(0);
    }
}
