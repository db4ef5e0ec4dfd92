package dev.mcpweb.search;

/**
 * One result as the provider gave it: title and snippet as plain text (markup removed), the URL as
 * written, and {@code rank}, its 1-based place in the provider's answer.
 */
public record SearchHit(String title, String url, String snippet, int rank) {}
