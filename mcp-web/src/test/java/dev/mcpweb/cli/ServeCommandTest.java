package dev.mcpweb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    private final CliRun cli = new CliRun();

    @TempDir
    Path cacheDir;

    private void assertOneLineWithoutATrace(String expected) {
        assertThat(cli.err().lines().filter(line -> line.startsWith("mcp-web:")))
                .singleElement()
                .asString()
                .contains(expected);
        assertThat(cli.err()).doesNotContain("\tat ", "Exception");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void aPortInUseIsOneLineAndExitCode4() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int code = cli.run(
                    "serve",
                    "--http",
                    "--port",
                    Integer.toString(taken.getLocalPort()),
                    "--set",
                    "cache.dir=" + cacheDir);

            assertThat(code).isEqualTo(4);
            assertOneLineWithoutATrace("cannot listen on 127.0.0.1:" + taken.getLocalPort());
            assertThat(cli.err()).contains("--port");
        }
    }

    @Test
    void aHostThatIsNoAddressIsOneLineAndExitCode2() {
        // An unclosed IPv6 literal fails in InetAddress without asking DNS.
        int code = cli.run("serve", "--http", "--host", "[zz", "--port", "0", "--set", "cache.dir=" + cacheDir);

        assertThat(code).isEqualTo(2);
        assertOneLineWithoutATrace("cannot listen on [zz: not an address");
    }
}
