package dev.mcpweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A page of {@code docs/} generated from the code: checked to be current, rewritten on request. */
public final class GeneratedDocs {
    private GeneratedDocs() {}

    /**
     * Fails unless {@code docs/<name>} is {@code expected}; with {@code -Dmcpweb.updateDocs=true} writes
     * it first. {@code test} is the test class that regenerates it, named in the failure.
     */
    public static void assertCurrent(String name, String expected, Class<?> test) throws IOException {
        Path docs = Path.of(System.getProperty("mcpweb.root", "."), "docs", name);
        if (Boolean.getBoolean("mcpweb.updateDocs")) {
            Files.writeString(docs, expected);
        }
        assertThat(Files.readString(docs))
                .as("docs/" + name + " is out of date; regenerate it with ./mvnw test -Dtest=" + test.getSimpleName()
                        + " -Dmcpweb.updateDocs=true")
                .isEqualTo(expected);
    }
}
