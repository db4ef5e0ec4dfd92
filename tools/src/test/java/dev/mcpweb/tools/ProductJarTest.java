package dev.mcpweb.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.cli.CommandExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** The tools reach the CLI through the class path only, and the jar users run carries none of them. */
class ProductJarTest {
    @Test
    void theToolCommandsAreFoundThroughTheServiceLoader() {
        List<String> names = ServiceLoader.load(CommandExtension.class).stream()
                .map(provider -> provider.type().getAnnotation(Command.class).name())
                .toList();
        assertThat(names).containsExactlyInAnyOrder("bench", "eval", "sim-llm");
    }

    @Test
    void theProductJarHoldsNoTooling() throws IOException {
        Path target = Path.of(System.getProperty("mcpweb.root", ".."), "mcp-web", "target");
        Path jar;
        try (Stream<Path> files = Files.list(target)) {
            jar = files.filter(p -> p.getFileName().toString().matches("mcp-web-.*-all\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no shaded product jar in " + target));
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> tooling = file.stream()
                    .map(entry -> entry.getName())
                    .filter(name -> name.startsWith("dev/mcpweb/tools/")
                            || name.startsWith("dev/mcpweb/sim/")
                            || name.equals("META-INF/services/dev.mcpweb.cli.CommandExtension"))
                    .toList();
            assertThat(file.getEntry("dev/mcpweb/cli/Main.class")).isNotNull();
            assertThat(tooling).isEmpty();
        }
    }
}
