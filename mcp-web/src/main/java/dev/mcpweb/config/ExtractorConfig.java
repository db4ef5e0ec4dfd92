package dev.mcpweb.config;

import java.time.Duration;

/**
 * Settings of the extract stage: {@code maxCpu} is the CPU time one source may take; the PDF bounds
 * are the pages, decoded page content and time one PDF may take.
 */
public record ExtractorConfig(
        boolean includeComments, Duration maxCpu, int pdfMaxPages, long pdfMaxDecodedSize, Duration pdfTimeout) {}
