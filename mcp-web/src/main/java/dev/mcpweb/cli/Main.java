package dev.mcpweb.cli;

import dev.mcpweb.config.ConfigException;
import java.util.ServiceLoader;
import picocli.CommandLine;

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
        CommandLine cli = commandLine();
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
        CommandLine cli = new CommandLine(new Cli());
        for (CommandExtension extension : ServiceLoader.load(CommandExtension.class)) {
            cli.addSubcommand(extension);
        }
        return cli;
    }
}
