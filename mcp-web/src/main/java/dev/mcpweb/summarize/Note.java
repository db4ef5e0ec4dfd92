package dev.mcpweb.summarize;

/** Notes on part of a source, labelled with the source numbers and section they came from; {@code cost} in tokens. */
record Note(String label, String text, int cost) {}
