package dev.mcpweb.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest, or "dev" when run from classes. */
public final class Version implements IVersionProvider {
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"mcp-web " + current(), "Java " + Runtime.version()};
    }
}
