package dev.mcpweb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** What every command says and how it exits when a source cannot be read: the same cause, the same code. */
class HonestErrorsTest {
    @TempDir
    Path dir;

    /** {@code command} and {@code args}, reading files from the temporary directory only. */
    private String[] withRoots(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(args));
        all.addAll(List.of("--set", "fetcher.allowed_roots=" + dir, "--set", "cache.dir=" + dir.resolve("cache")));
        return all.toArray(String[]::new);
    }

    private CliRun run(String command, String... args) {
        CliRun cli = new CliRun();
        cli.run(withRoots(command, args));
        return cli;
    }

    private int code(String command, String... args) {
        return new CliRun().run(withRoots(command, args));
    }

    /** A loopback port nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fetch", "extract", "summarize"})
    void aRefusedConnectionExits4WithTheRealCauseNotRobots(String command) throws IOException {
        String url = "http://127.0.0.1:" + closedPort() + "/page";
        CliRun cli = new CliRun();
        int code = cli.run(
                command,
                url,
                "--set",
                "fetcher.allowed_hosts=127.0.0.1/32",
                "--set",
                "fetcher.max_retries=0",
                "--set",
                "cache.dir=" + dir.resolve("cache"));

        assertThat(code).as(cli.err()).isEqualTo(4);
        assertThat(cli.err()).contains("could not connect to 127.0.0.1:").doesNotContain("robots");
    }

    @Test
    void theSameRefusalExitsWithTheSameCodeInEveryCommand() throws IOException {
        Files.write(dir.resolve("big.txt"), "word ".repeat(1000).getBytes());
        Files.write(dir.resolve("blob.bin"), new byte[] {0x7F, 'E', 'L', 'F', 0, 0, 0, 0});
        for (String command : List.of("fetch", "extract", "summarize")) {
            assertThat(code(command, "foo bar")).as(command + " malformed").isEqualTo(2);
            assertThat(code(command, dir.resolve("big.txt").toString(), "--set", "fetcher.max_body_size=1KB"))
                    .as(command + " too large")
                    .isEqualTo(3);
            assertThat(code(command, dir.resolve("blob.bin").toString()))
                    .as(command + " binary")
                    .isEqualTo(3);
            assertThat(code(command, "/etc/hostname"))
                    .as(command + " outside the roots")
                    .isEqualTo(3);
        }
    }

    @Test
    void didYouMeanHttpsIsOfferedOnlyForWhatLooksLikeAHostName() {
        assertThat(run("fetch", "example.com").err()).contains("did you mean https://example.com ?");
        assertThat(run("fetch", "docs.example.org/guide").err())
                .contains("did you mean https://docs.example.org/guide");
        for (String notAHost : List.of("foo bar", "ht!tp://x", "missing-notes.md", "just-a-word")) {
            assertThat(run("fetch", notAHost).err())
                    .as(notAHost)
                    .contains("is neither a URL nor an absolute path")
                    .doesNotContain("did you mean");
        }
    }

    @Test
    void aBadFlagValueNamesTheFlagTheUserTyped() {
        CliRun cli = run("summarize", "--max-length", "3", "x");
        assertThat(cli.err()).contains("from flag --max-length").doesNotContain("--summarizer-max-length");
        CliRun set = run("summarize", "--set", "summarizer.max_length=3", "x");
        assertThat(set.err()).contains("from --set summarizer.max_length");
    }

    @Test
    void helpWorksOnEveryCommandAndSubcommand() {
        List<String> walked = new ArrayList<>();
        walk(Main.commandLine(), walked);
        assertThat(walked).contains("mcp-web", "mcp-web cache stats", "mcp-web summarize", "mcp-web help");
        for (String path : walked) {
            List<String> args = new ArrayList<>(List.of(path.split(" ")).subList(1, path.split(" ").length));
            args.add("--help");
            CliRun cli = new CliRun();
            int code = cli.run(args.toArray(String[]::new));
            assertThat(code).as(path + ": " + cli.err()).isZero();
            assertThat(cli.out()).as(path).contains("Usage: " + path);
            assertThat(cli.err()).as(path).isEmpty();
        }
    }

    private static void walk(CommandLine command, List<String> out) {
        out.add(command.getCommandSpec().qualifiedName());
        command.getSubcommands().values().stream().distinct().forEach(sub -> walk(sub, out));
    }
}
