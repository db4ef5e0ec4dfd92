package dev.mcpweb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

class MainTest {
    private final CliRun cli = new CliRun();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void configPrintsEveryOptionWithItsSource() {
        int code = run("config", "--set", "fetcher.timeout=7s");
        assertThat(code).isZero();
        assertThat(cli.out())
                .contains("fetcher.timeout")
                .contains("7s")
                .contains("--set fetcher.timeout")
                .contains("fetcher.max_concurrent");
    }

    @Test
    void aBadSettingExitsWithCode2AndSaysWhatIsAllowed() {
        int code = run("config", "--set", "fetcher.max_redirects=99");
        assertThat(code).isEqualTo(2);
        assertThat(cli.err()).contains("fetcher.max_redirects").contains("'99'").contains("at most 20");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(run("frobnicate")).isEqualTo(2);
    }

    @Test
    void aRunBuildsOnlyTheSubcommandsItNamesUnlessItAsksForHelp() {
        assertThat(Main.commandLine("--set", "a=b", "extract", "page.html").getSubcommands())
                .containsOnlyKeys("extract");
        assertThat(Main.commandLine("help", "extract").getSubcommands())
                .containsKeys("extract", "summarize", "help")
                .hasSameSizeAs(Main.commandLine().getSubcommands());
        assertThat(Main.commandLine("--version").getSubcommands())
                .hasSameSizeAs(Main.commandLine().getSubcommands());
        assertThat(Main.commandLine("extract", "--format", "text", "fetch").getSubcommands())
                .containsOnlyKeys("extract");
        assertThat(Main.commandLine("extract", "--help").getSubcommands()).containsOnlyKeys("extract");
    }

    @Test
    void eachSubcommandIsListedUnderTheNameItsCommandGivesIt() {
        Cli.SUBCOMMANDS.forEach(
                (name, type) -> assertThat(type.getAnnotation(Command.class).name())
                        .as(type.getSimpleName())
                        .isEqualTo(name));
    }
}
