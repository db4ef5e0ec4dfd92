package dev.mcpweb.tools;

import dev.mcpweb.cli.CommandExtension;
import picocli.CommandLine.Command;

/** {@code mcp-web eval …}: quality evaluations against labelled data sets. */
@Command(
        name = "eval",
        description = "Score extraction or summaries against a labelled data set.",
        subcommands = {EvalExtractionCommand.class, EvalSummaryCommand.class})
public final class EvalCommand implements CommandExtension {}
