/**
 * The results users see, defined once: the MCP tools' {@code structuredContent} and the CLI's JSON
 * output are these records, written by {@link dev.mcpweb.result.ResultJson} (snake_case keys, absent
 * optional fields left out), and their JSON Schema, generated from the records, is each tool's
 * {@code outputSchema} and {@code docs/results.md}.
 */
package dev.mcpweb.result;
