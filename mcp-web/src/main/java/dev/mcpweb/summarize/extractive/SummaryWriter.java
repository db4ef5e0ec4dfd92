package dev.mcpweb.summarize.extractive;

import dev.mcpweb.document.Document;
import dev.mcpweb.summarize.InjectionScan;
import dev.mcpweb.summarize.SourceList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Renders chosen passages as Markdown: a title, a plain statement that the text is quoted, the
 * passages grouped by source and section in document order (sentences of one paragraph joined,
 * gaps marked with an ellipsis), each block ending with its citation, and the numbered sources.
 */
final class SummaryWriter {
    private final List<Document> documents;
    private final StringBuilder out = new StringBuilder();
    private boolean inList;

    SummaryWriter(List<Document> documents) {
        this.documents = documents;
    }

    /**
     * The whole summary. {@code notice} (may be empty) is said before the passages, for example that
     * nothing answers the query.
     */
    String write(Optional<String> query, List<Passage> chosen, String notice) {
        List<Passage> ordered = chosen.stream()
                .sorted(java.util.Comparator.comparingInt(Passage::index))
                .toList();
        boolean single = documents.size() == 1;
        out.append("# ")
                .append(
                        single
                                ? title(documents.getFirst())
                                : query.orElse("Summary of " + documents.size() + " sources"))
                .append("\n\n");
        TreeSet<Integer> cited = new TreeSet<>();
        for (Passage p : ordered) {
            cited.add(p.block().source());
        }
        out.append(statement(query, cited)).append("\n\n");
        if (!notice.isEmpty()) {
            out.append(notice).append("\n\n");
        }
        int source = 0;
        Section section = null;
        List<Passage> run = new ArrayList<>();
        for (Passage p : ordered) {
            if (!run.isEmpty() && !sameGroup(run.getLast(), p)) {
                flush(run);
            }
            if (p.block().source() != source) {
                source = p.block().source();
                section = null;
                endList();
                if (!single) {
                    out.append("## ")
                            .append(title(documents.get(source - 1)))
                            .append(" [")
                            .append(source)
                            .append("]\n\n");
                }
            }
            if (p.block().section() != section) {
                section = p.block().section();
                String heading = section.heading().orElse("");
                if (!heading.isEmpty()
                        && !heading.equalsIgnoreCase(documents.get(source - 1).title())
                        && !InjectionScan.isSuspect(heading)) {
                    endList();
                    out.append(single ? "## " : "### ").append(heading).append("\n\n");
                }
            }
            run.add(p);
        }
        flush(run);
        endList();
        while (out.length() > 1 && out.charAt(out.length() - 1) == '\n' && out.charAt(out.length() - 2) == '\n') {
            out.setLength(out.length() - 1);
        }
        return out.append(SourceList.render(SourceList.of(documents))).toString();
    }

    /** The document's title, or its address when the title addresses an AI (the warnings quote it). */
    private static String title(Document d) {
        return InjectionScan.isSuspect(d.title()) ? d.url().toString() : d.title();
    }

    private static String statement(Optional<String> query, TreeSet<Integer> cited) {
        String from = cited.isEmpty()
                ? "no source"
                : (cited.size() == 1 ? "source " : "sources ")
                        + cited.stream().map(n -> "[" + n + "]").collect(Collectors.joining(", "));
        return "_Extractive summary"
                + query.map(q -> " for the query \u201c" + q + "\u201d").orElse("")
                + ": passages quoted word for word from " + from + ", not rewritten._";
    }

    /** Whether {@code next} continues the block (or table) that {@code last} is in. */
    private static boolean sameGroup(Passage last, Passage next) {
        Block a = last.block();
        Block b = next.block();
        if (a.section() != b.section()) {
            return false;
        }
        return a == b
                || (a.kind() == Block.Kind.TABLE_ROW && b.kind() == Block.Kind.TABLE_ROW && a.group() == b.group());
    }

    private void flush(List<Passage> run) {
        if (run.isEmpty()) {
            return;
        }
        Block block = run.getFirst().block();
        boolean item = block.kind() == Block.Kind.LIST_ITEM || block.kind() == Block.Kind.FACT;
        if (!item) {
            endList();
        }
        String cite = "[" + block.source() + "]";
        switch (block.kind()) {
            case CODE -> out.append(run.getFirst().text()).append('\n').append(cite);
            case TABLE_ROW -> {
                if (!block.tableHeader().isEmpty()) {
                    out.append(block.tableHeader()).append('\n');
                    out.append(separator(block.tableHeader())).append('\n');
                }
                for (Passage p : run) {
                    out.append(p.text()).append('\n');
                }
                out.append(cite);
            }
            case LIST_ITEM, FACT ->
                out.append("- ")
                        .append(joined(run, sentenceCite(cite)))
                        .append(' ')
                        .append(cite);
            case PARAGRAPH ->
                out.append(joined(run, sentenceCite(cite))).append(' ').append(cite);
        }
        inList = item;
        out.append(inList ? "\n" : "\n\n");
        run.clear();
    }

    private void endList() {
        if (inList) {
            out.append('\n');
            inList = false;
        }
    }

    /**
     * What follows each sentence but the last of a block: over several sources every sentence carries its
     * source's {@code [n]}, so that no sentence of a multi-source summary goes uncited; over one, nothing.
     */
    private String sentenceCite(String cite) {
        return documents.size() > 1 ? " " + cite : "";
    }

    /** Sentences of one block in order, each but the last followed by {@code cite}, with an ellipsis where sentences were left out. */
    private static String joined(List<Passage> run, String cite) {
        StringBuilder s = new StringBuilder();
        if (run.getFirst().ordinalInBlock() > 0) {
            s.append("\u2026 ");
        }
        for (int k = 0; k < run.size(); k++) {
            if (k > 0) {
                s.append(cite);
                s.append(run.get(k).ordinalInBlock() == run.get(k - 1).ordinalInBlock() + 1 ? " " : " \u2026 ");
            }
            s.append(run.get(k).text());
        }
        return s.toString();
    }

    private static String separator(String header) {
        long cells = header.chars().filter(c -> c == '|').count() - 1;
        return "|" + " --- |".repeat((int) Math.max(1, cells));
    }
}
