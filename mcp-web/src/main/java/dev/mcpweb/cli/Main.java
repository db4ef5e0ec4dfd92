package dev.mcpweb.cli;

import dev.mcpweb.config.ConfigException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: runs the command line and exits with its code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        // The MCP client's start-up path: no parser to build (see ServeCommand.plainServe).
        if (args.length == 1 && args[0].equals("serve")) {
            System.exit(ServeCommand.plainServe());
        }
        System.exit(run(args));
    }

    /** Runs {@code args} and returns the exit code instead of exiting, for tests. */
    public static int run(String... args) {
        CommandLine cli = commandLine(args);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                commandLine.getErr().println("mcp-web: " + e.getMessage());
                return ExitCode.USAGE;
            }
            throw e;
        });
        cli.setExitCodeExceptionMapper(
                e -> e instanceof CommandLine.ParameterException ? ExitCode.USAGE : ExitCode.FAILED);
        return cli.execute(args);
    }

    /** Every command: the product's own and those the tools module adds when it is on the class path. */
    static CommandLine commandLine() {
        return withSubcommands(allSubcommands());
    }

    /**
     * The command line for {@code args}: with only the subcommands {@code args} name, when they name any and
     * not {@code help}, which lists them all. Picocli builds each subcommand's model by reflection when it is
     * added, a tenth of a second for all of them at every start.
     */
    static CommandLine commandLine(String... args) {
        Set<String> words = new HashSet<>(Arrays.asList(args));
        // The usual run, a product command first (as the launcher and MCP clients call them): that command
        // found by its name, without reading every command's annotation or searching for extensions. (Picocli
        // reads the words after it as that command's, so a command named among them would not run anyway.)
        Class<?> first = args.length == 0 ? null : Cli.SUBCOMMANDS.get(args[0]);
        if (first != null && !words.contains("help")) {
            return withSubcommands(List.of(first));
        }
        List<Class<?>> all = allSubcommands();
        List<Class<?>> named = all.stream()
                .filter(c -> words.contains(c.getAnnotation(Command.class).name()))
                .toList();
        return withSubcommands(named.isEmpty() || words.contains("help") ? all : named);
    }

    private static List<Class<?>> allSubcommands() {
        List<Class<?>> all = new ArrayList<>(Cli.SUBCOMMANDS.values());
        ServiceLoader.load(CommandExtension.class).stream().forEach(extension -> all.add(extension.type()));
        return all;
    }

    private static CommandLine withSubcommands(List<Class<?>> subcommands) {
        CommandLine cli = new CommandLine(new Cli());
        subcommands.forEach(cli::addSubcommand);
        return cli;
    }
}
