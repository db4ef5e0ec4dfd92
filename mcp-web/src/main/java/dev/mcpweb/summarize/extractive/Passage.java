package dev.mcpweb.summarize.extractive;

/**
 * One candidate for the summary: a sentence (of a paragraph or a list item), a table row, or a whole
 * code block, with the block and section it came from. {@code text} is what the summary quotes:
 * inline Markdown kept for code spans, links reduced to their text.
 */
record Passage(int index, Block block, int ordinalInBlock, String text, int words, boolean emphasized) {}
