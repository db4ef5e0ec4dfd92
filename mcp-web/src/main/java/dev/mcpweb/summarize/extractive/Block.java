package dev.mcpweb.summarize.extractive;

/**
 * A paragraph, list item, table row, code block or structured-data fact of one source, under one section. Table rows of
 * the same table share {@code group} and carry the table's header row.
 */
record Block(int index, int source, Section section, Kind kind, int group, String tableHeader, double position) {
    enum Kind {
        PARAGRAPH,
        LIST_ITEM,
        TABLE_ROW,
        CODE,
        /** A fact from the source's structured data ({@link FactPassages}). */
        FACT
    }
}
