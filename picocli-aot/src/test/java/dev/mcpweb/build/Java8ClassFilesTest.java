package dev.mcpweb.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class Java8ClassFilesTest {
    /** Where the build step wrote picocli's classes (surefire runs in the module's directory). */
    private static final Path CLASSES = Path.of("target", "classes");

    @Test
    void everyPicocliClassIsAJava8ClassFile() throws IOException {
        List<Path> classes = picocliClasses();
        assertThat(classes).hasSizeGreaterThan(150);
        for (Path c : classes) {
            assertThat(Java8ClassFiles.majorVersion(Files.readAllBytes(c)))
                    .as(c.toString())
                    .isEqualTo(52);
        }
    }

    /** Each class passes the split verifier: initializing a class links it, and linking verifies it. */
    @Test
    void everyRewrittenClassVerifies() throws Exception {
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {CLASSES.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (Path c : picocliClasses()) {
                String name = CLASSES.relativize(c).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> loaded = Class.forName(name, true, loader);
                assertThat(loaded.getClassLoader()).isSameAs(loader);
            }
        }
    }

    @Test
    void theRewrittenCommandLineParsesAsPicocliDoes() throws Exception {
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {CLASSES.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> commandLine = Class.forName("picocli.CommandLine", true, loader);
            Class<?> spec = Class.forName("picocli.CommandLine$Model$CommandSpec", true, loader);
            Class<?> option = Class.forName("picocli.CommandLine$Model$OptionSpec", true, loader);
            Object command = spec.getMethod("create").invoke(null);
            Object builder =
                    option.getMethod("builder", String.class, String[].class).invoke(null, "--format", new String[0]);
            // declared by a package-private superclass: reachable through reflection only when opened
            Method type = builder.getClass().getMethod("type", Class.class);
            type.setAccessible(true);
            type.invoke(builder, String.class);
            Object format = builder.getClass().getMethod("build").invoke(builder);
            spec.getMethod("addOption", option).invoke(command, format);
            Object cli = commandLine.getConstructor(Object.class).newInstance(command);
            Object parsed = commandLine.getMethod("parseArgs", String[].class).invoke(cli, (Object)
                    new String[] {"--format", "text"});
            Object value = parsed.getClass()
                    .getMethod("matchedOptionValue", String.class, Object.class)
                    .invoke(parsed, "--format", "none");
            assertThat(value).isEqualTo("text");
        }
    }

    private static List<Path> picocliClasses() throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES.resolve("picocli"))) {
            return files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
    }
}
