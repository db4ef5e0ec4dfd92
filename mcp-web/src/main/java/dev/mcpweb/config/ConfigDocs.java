package dev.mcpweb.config;

/** Renders docs/configuration.md from the option catalogue, so the table cannot drift from the code. */
final class ConfigDocs {
    private ConfigDocs() {}

    static String render() {
        StringBuilder md = new StringBuilder();
        md.append("# Configuration\n\n")
                .append("mcp-web reads its settings in this order, later sources winning:\n\n")
                .append("1. built-in defaults (below);\n")
                .append(
                        "2. a properties file: `~/.config/mcp-web/config.properties`, or the one named by `--config FILE`")
                .append(" (keys are the option names, e.g. `fetcher.timeout=10s`);\n")
                .append("3. environment variables (`MCP_WEB_<SECTION>_<KEY>`, the names the Python mcp-web used);\n")
                .append("4. command-line flags: `--set NAME=VALUE` for any option, and the commands' own flags")
                .append(" (`--provider`, `--model`, `--base-url`, `--ignore-robots`, …).\n\n")
                .append("`mcp-web config` prints the effective value of every option and where it came from, secrets")
                .append(" masked. A value that does not fit stops start-up with a message naming the option, the value")
                .append(" and what is allowed; an unknown option or `MCP_WEB_*` variable is an error too.\n\n")
                .append("Durations take `ms`, `s`, `m`, `h` or `d` (a bare number is seconds); sizes take `KB`, `MB`")
                .append(" or `GB` (powers of 1024; a bare number is bytes); lists are comma-separated everywhere.\n\n")
                .append("The API key may also come from `summarizer.api_key_file`, or from `OPENAI_API_KEY`")
                .append(" (`ANTHROPIC_API_KEY` when the provider is `anthropic`). It is never logged.\n\n");
        String section = "";
        for (Option o : Options.ALL) {
            if (!o.section().equals(section)) {
                section = o.section();
                md.append("\n## ")
                        .append(section)
                        .append("\n\n")
                        .append("| option | environment variable | default | allowed | meaning |\n")
                        .append("|---|---|---|---|---|\n");
            }
            md.append("| `")
                    .append(o.name())
                    .append("` | `")
                    .append(o.envName())
                    .append("` | ")
                    .append(o.defaultValue().isEmpty() ? "(empty)" : "`" + o.defaultValue() + "`")
                    .append(" | ")
                    .append(o.allowed().replace("|", "\\|"))
                    .append(" | ")
                    .append(o.description().replace("|", "\\|"))
                    .append(" |\n");
        }
        return md.toString();
    }
}
