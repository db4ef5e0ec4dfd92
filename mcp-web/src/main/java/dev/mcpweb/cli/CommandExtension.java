package dev.mcpweb.cli;

/**
 * A top-level command that another module adds to {@code mcp-web} when it is on the class path: a picocli
 * {@code @Command} class with a public no-argument constructor, listed in
 * {@code META-INF/services/dev.mcpweb.cli.CommandExtension}. The tools module adds {@code bench},
 * {@code eval} and {@code sim-llm} this way, so the product jar carries none of them. An extension reaches
 * the shared options through {@link Cli#loadConfig()} on its root command.
 */
public interface CommandExtension {}
