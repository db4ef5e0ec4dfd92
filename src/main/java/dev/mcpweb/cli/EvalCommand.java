package dev.mcpweb.cli;

import picocli.CommandLine.Command;

/** {@code mcp-web eval …}: quality evaluations against labelled data sets. */
@Command(
        name = "eval",
        description = "Score extraction or summaries against a labelled data set.",
        subcommands = {EvalSummaryCommand.class})
final class EvalCommand {}
