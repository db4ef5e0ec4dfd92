package dev.mcpweb.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a Node client script of src/test/node against this build's server and fails the test when it fails. */
final class NodeClient {
    static final Path DIR = Path.of("src/test/node").toAbsolutePath();

    private NodeClient() {}

    /** Runs {@code node args…} in {@link #DIR} with {@code env} added; its output goes to the test's report. */
    static void run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(DIR.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("mcp-web-node-", ".log").toFile());
        builder.environment().put("MCPWEB_TEST_COMMAND", serverCommand());
        builder.environment().putAll(env);
        Path log = builder.redirectOutput().file().toPath();
        Process process = builder.start();
        boolean exited = process.waitFor(10, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output); // kept in the surefire report of this test
        assertThat(exited)
                .as("node %s finished within 10 minutes:%n%s", String.join(" ", args), output)
                .isTrue();
        assertThat(process.exitValue())
                .as("node %s failed:%n%s", String.join(" ", args), output)
                .isZero();
    }

    /** This build's classes and dependencies, started as the launcher would for {@code serve}. */
    private static String serverCommand() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ObjectMapper()
                .writeValueAsString(List.of(
                        java,
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-Xlog:disable",
                        "-Xlog:all=error:stderr",
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.mcpweb.cli.Main"));
    }
}
