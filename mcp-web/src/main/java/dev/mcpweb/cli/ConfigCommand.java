package dev.mcpweb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpweb.config.Config;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mcp-web config}: the effective configuration and where each value came from. */
@Command(
        name = "config",
        description = "Print the effective configuration, where each value came from, secrets masked.")
final class ConfigCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Config config = cli.loadConfig();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            for (Config.Setting s : config.settings()) {
                root.putObject(s.name()).put("value", s.value()).put("source", s.source());
            }
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            int width = config.settings().stream()
                    .mapToInt(s -> s.name().length())
                    .max()
                    .orElse(10);
            for (Config.Setting s : config.settings()) {
                out.printf("%-" + width + "s  %-28s  (%s)%n", s.name(), s.value(), s.source());
            }
        }
        out.flush();
        return ExitCode.OK;
    }
}
