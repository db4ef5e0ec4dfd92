package dev.mcpweb.config;

import java.time.Duration;

/** Settings of the extract stage, with the bounds on one PDF. */
public record ExtractorConfig(boolean includeComments, int pdfMaxPages, long pdfMaxDecodedSize, Duration pdfTimeout) {}
