package dev.mcpweb.extract.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;

/** Decides whether a table is a data grid (rendered as a pipe table) and reads its cells. */
final class Tables {
    private static final Set<String> SECTIONS = Set.of("thead", "tbody", "tfoot");
    private static final Set<String> BLOCK_CONTENT =
            Set.of("table", "p", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "dl", "form");
    private static final int MAX_ROWS = 2_000;

    private Tables() {}

    /** A table is a grid when it has at least two rows and two columns and no block content in cells. */
    static boolean renderAsGrid(Element table) {
        List<Element> rows = rows(table);
        if (rows.size() < 2 || rows.size() > MAX_ROWS) {
            return false;
        }
        int maxCols = 0;
        for (Element row : rows) {
            int cols = 0;
            for (Element cell : row.children()) {
                if (cell.nameIs("td") || cell.nameIs("th")) {
                    cols++;
                    if (hasBlockContent(cell)) {
                        return false;
                    }
                }
            }
            maxCols = Math.max(maxCols, cols);
        }
        return maxCols >= 2;
    }

    private static boolean hasBlockContent(Element cell) {
        for (Element d : cell.getAllElements()) {
            if (d != cell && BLOCK_CONTENT.contains(d.normalName())) {
                return true;
            }
        }
        return false;
    }

    static List<Element> rows(Element table) {
        List<Element> rows = new ArrayList<>();
        for (Element child : table.children()) {
            if (child.nameIs("tr")) {
                rows.add(child);
            } else if (SECTIONS.contains(child.normalName())) {
                for (Element r : child.children()) {
                    if (r.nameIs("tr")) {
                        rows.add(r);
                    }
                }
            }
        }
        return rows;
    }

    /** Each row's cells as {markdown, text}; a cell spanning n columns is followed by n-1 empty cells. */
    static List<List<Renderer.Cell>> cells(Element table, Renderer owner, int maxCells) {
        List<List<Renderer.Cell>> out = new ArrayList<>();
        int count = 0;
        for (Element row : rows(table)) {
            List<Renderer.Cell> cells = new ArrayList<>();
            for (Element cell : row.children()) {
                if (!(cell.nameIs("td") || cell.nameIs("th"))) {
                    continue;
                }
                if (++count > maxCells) {
                    return out;
                }
                cells.add(owner.renderCell(cell));
                int span = Math.min(50, parseSpan(cell.attr("colspan")));
                for (int i = 1; i < span; i++) {
                    cells.add(Renderer.Cell.EMPTY);
                }
            }
            boolean empty = cells.stream()
                    .allMatch(c -> c.text().isEmpty() && c.markdown().isEmpty());
            if (!empty) {
                out.add(cells);
            }
        }
        return out;
    }

    private static int parseSpan(String v) {
        String span = v.strip();
        if (span.isEmpty()) {
            return 1; // most cells have none: no exception thrown and caught for each
        }
        try {
            return Math.max(1, Integer.parseInt(span));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
