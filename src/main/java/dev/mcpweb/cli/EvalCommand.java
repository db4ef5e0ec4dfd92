package dev.mcpweb.cli;

import picocli.CommandLine.Command;

/** {@code mcp-web eval …}: quality evaluations against labelled data sets. */
@Command(
        name = "eval",
        description = "Score extraction or summaries against a labelled data set.",
        subcommands = {EvalExtractionCommand.class, EvalSummaryCommand.class})
final class EvalCommand {}
