package dev.mcpweb.cli;

/**
 * Sets up SLF4J's simple backend before the first logger exists: everything to stderr, because stdout
 * carries the CLI's output and the MCP stdio protocol.
 */
final class Logging {
    private Logging() {}

    static void init(String level) {
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty(
                "org.slf4j.simpleLogger.log.io.modelcontextprotocol", level.equals("trace") ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        // PDFBox warns about every font it substitutes or glyph it lacks: noise for the user of a PDF's text.
        String pdf = level.equals("debug") || level.equals("trace") ? level : "error";
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.pdfbox", pdf);
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.fontbox", pdf);
    }
}
