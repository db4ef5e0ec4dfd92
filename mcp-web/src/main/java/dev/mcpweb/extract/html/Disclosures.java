package dev.mcpweb.extract.html;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Recognises hidden elements that a reader reveals with one click: the panels of tabs and
 * accordions (an FAQ's answers, a service's feature tabs). Such panels are hidden in the served
 * HTML only because a script toggles them; their text is the page's content, unlike a hidden
 * tracking pixel, a closed modal or an unused template.
 */
final class Disclosures {
    private final Set<String> controlled;

    private Disclosures(Set<String> controlled) {
        this.controlled = controlled;
    }

    /**
     * Collects the ids that a control (a tab, an accordion button) on the page shows or hides: {@code
     * controls}, the page's elements with an {@code aria-controls} attribute.
     */
    static Disclosures of(List<Element> controls) {
        Set<String> ids = new HashSet<>();
        for (Element e : controls) {
            String value = e.attributes().get("aria-controls");
            if (!value.isEmpty() && value.length() < 1000) {
                for (String id : value.strip().split("\\s+")) {
                    if (!id.isEmpty()) {
                        ids.add(id);
                    }
                }
            }
        }
        return new Disclosures(ids);
    }

    /** Whether {@code e} is a panel a reader can reveal, and so is content even while hidden. */
    boolean isPanel(Element e) {
        String role = e.attr("role").toLowerCase(Locale.ROOT).strip();
        if (role.equals("tabpanel")) {
            return true;
        }
        if (role.equals("region") && e.hasAttr("aria-labelledby")) {
            return true; // the WAI-ARIA accordion pattern: a region named by its toggle
        }
        String id = e.id();
        return !id.isEmpty() && controlled.contains(id);
    }
}
