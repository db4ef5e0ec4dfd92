package dev.mcpweb.config;

import java.time.Duration;

/** Settings of the extract stage; {@code maxCpu} is the CPU time one source may take. */
public record ExtractorConfig(boolean includeComments, Duration maxCpu) {}
