package dev.mcpweb.tools;

import dev.mcpweb.cli.CommandExtension;
import picocli.CommandLine.Command;

/** {@code mcp-web bench …}: end-to-end benchmarks; each subcommand prints its figures and writes JSON. */
@Command(
        name = "bench",
        description = "Run an end-to-end benchmark on this machine (servers on 127.0.0.1 only).",
        subcommands = {
            FetchBenchCommand.class,
            ExtractBenchCommand.class,
            CacheBenchCommand.class,
            BenchMapReduceCommand.class,
            BenchPipelineCommand.class,
            HostileBenchCommand.class,
            BenchLoadCommand.class
        })
public final class BenchCommand implements CommandExtension {}
