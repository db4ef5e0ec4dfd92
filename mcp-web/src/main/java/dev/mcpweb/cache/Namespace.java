package dev.mcpweb.cache;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The cache's namespaces, one per cached stage, in display order. Each has a wire name ({@code fetch},
 * {@code extract}, …): the name stored in the cache file and the one users type ({@code cache clear
 * --namespace}, the MCP cache tools' {@code namespace} argument), whose allowed values come from here.
 */
public enum Namespace {
    /** Fetched responses with their validators, for revalidation. */
    FETCH,
    /** Documents extracted from fetched bytes. */
    EXTRACT,
    /** Map outputs (notes on one chunk) of the map-reduce summarizer. */
    MAP,
    /** Finished summaries, by content. */
    SUMMARY,
    /** robots.txt answers. */
    ROBOTS;

    private static final List<String> WIRE_NAMES =
            Arrays.stream(values()).map(Namespace::wireName).toList();

    /** The name users type and the cache file stores. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every wire name, in display order: the allowed values of a {@code namespace} argument. */
    public static List<String> wireNames() {
        return WIRE_NAMES;
    }

    /** The namespace called {@code wireName}, if there is one. */
    public static Optional<Namespace> fromWireName(String wireName) {
        return Arrays.stream(values())
                .filter(ns -> ns.wireName().equals(wireName))
                .findFirst();
    }

    /** As {@link #fromWireName}, failing with the allowed names. */
    public static Namespace of(String wireName) {
        return fromWireName(wireName)
                .orElseThrow(() -> new IllegalArgumentException(
                        "no cache namespace '" + wireName + "'; use one of " + String.join(", ", WIRE_NAMES)));
    }
}
