package dev.mcpweb.extract.html;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpweb.text.Whitespace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/**
 * What a reader wants from a product page is the product: its name, description and
 * specifications. Shops surround it with what other shoppers wrote (reviews, ratings, questions and
 * answers, seller feedback), which is often longer than the description and would otherwise be taken
 * for the main content. On a page that declares itself a product page (schema.org {@code Product} in
 * JSON-LD or microdata, or {@code og:type} product) those widgets are removed before the content is
 * located.
 */
final class ProductPage {
    /** Class and id names of review and rating widgets, including the common review platforms. */
    private static final Pattern REVIEW_NAME = Pattern.compile("(?:^|[-_])(?:"
            + "reviews?|product-?reviews?|customer-?reviews?|ratings?|ratings-?reviews|testimonials?|feedback"
            + "|yotpo|okendo|jdgm|judgeme|stamped|trustpilot|bazaarvoice|bv-?reviews|powerreviews|pr-?review"
            + "|questions?-?and-?answers|qna|q-?and-?a|ugc)(?:$|[-_])");
    /** Below this many characters outside links (some 25 words), a product page shows no product. */
    private static final int SHELL_TEXT = 150;
    /** Class and id names of panels that a click expands. */
    private static final Pattern COLLAPSED_PANEL = Pattern.compile(
            "(?:^|[-_])(?:collapse|collapsible|accordion|expander|faq-?answer|read-?more|readmore)(?:$|[-_])");
    /** Headings that introduce shoppers' contributions rather than the product. */
    private static final Pattern REVIEW_HEADING = Pattern.compile("(?i)^\\W*(?:customer |product |user |guest )?"
            + "(?:reviews?|ratings?(?: (?:&|and) reviews?)?|reviews? (?:&|and) ratings?|testimonials"
            + "|questions? (?:&|and) answers?|q ?& ?a|seller feedback|what (?:our )?customers (?:are )?say(?:ing)?"
            + "|what (?:people|our clients) (?:are )?say(?:ing)?)\\b");

    private static final Set<String> OG_PRODUCT = Set.of("product", "product.item", "og:product");
    /** A price: a currency sign or code next to an amount. */
    private static final Pattern PRICE = Pattern.compile(
            "(?:[$€£¥₹]|\\b(?:USD|EUR|GBP|CHF|CAD|AUD|SEK|NOK|DKK|PLN|Rs\\.?|R\\$)) ?\\d|\\d(?:[.,]\\d\\d)? ?(?:[€£]|\\b(?:USD|EUR|GBP|CHF|kr|zł|Kč|руб)\\b)");

    private static final int MIN_TILES = 3;
    /**
     * A carousel of other products shows a handful; a grid of dozens is the page itself, a category
     * page that declares itself a product.
     */
    private static final int MAX_TILES = 16;
    /** A tile names a product, its price and perhaps a rating; more text is a description. */
    private static final int MAX_TILE_TEXT = 300;
    /** An element holding more than this share of the page's text is a wrapper, not a widget. */
    private static final double MAX_WIDGET_SHARE = 0.9;

    /** The page's main landmark. */
    private static final Evaluator MAIN = QueryParser.parse("main, [role=main]");

    private static final Pattern WORD_SPLIT = Pattern.compile("\\W+", Pattern.UNICODE_CHARACTER_CLASS);

    /** The products the page declares in JSON-LD. */
    private final List<JsonNode> declared;
    /**
     * Whether the page says it is about one product: Open Graph type {@code product} (not {@code
     * product.group}, which shops use for categories), exactly one schema.org microdata product, or a
     * JSON-LD product on sale.
     */
    private final boolean isProduct;

    private ProductPage(List<JsonNode> declared, boolean isProduct) {
        this.declared = declared;
        this.isProduct = isProduct;
    }

    /** Whether the page says it is about one product (see {@link #isProduct}). */
    boolean isProduct() {
        return isProduct;
    }

    /** Reads what {@code page} declares about the products it shows. */
    static ProductPage of(Document page, PageMarks pageMarks) {
        // the three ways it can say what it shows
        String og = "";
        int microdata = 0;
        for (Element e : pageMarks.select(PageMarks.OG_TYPE, PageMarks.PRODUCT_ITEM)) {
            if (e.nameIs("meta")) {
                og = e.attr("content").strip().toLowerCase(Locale.ROOT);
            } else {
                microdata++;
            }
        }
        List<JsonNode> declared = StructuredBody.products(pageMarks.jsonLd());
        boolean marked = OG_PRODUCT.contains(og) || microdata == 1;
        return new ProductPage(declared, marked || declaresProductOnSale(page, declared));
    }

    /**
     * Unhides, when the page declares a product, its collapsed panels (accordions, "read more"
     * expanders, FAQ answers): shops fold the description, specifications and care notes into them, and
     * a reader opens them with one click. Call before hidden elements are stripped.
     */
    void reveal(Element root) {
        if (!isProduct) {
            return;
        }
        TreeQuery.forEachElement(root, e -> {
            if (Boilerplate.isHidden(e) && Boilerplate.isNamed(e, COLLAPSED_PANEL)) {
                e.removeAttr("hidden").removeAttr("aria-hidden").removeAttr("style");
                for (String c : e.classNames()) {
                    if (Boilerplate.isHiddenClass(c)) {
                        e.removeClass(c);
                    }
                }
            }
        });
    }

    /**
     * Removes, when the page declares a product, what other shoppers contributed (review, rating and
     * Q&amp;A widgets and sections) and the tiles of other products offered alongside it; other pages
     * are left untouched.
     */
    Element strip(Element root) {
        if (!isProduct) {
            return root;
        }
        TextLengths lengths = TextLengths.of(root);
        Set<Element> titleAncestors = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element h1 : TreeQuery.byTag(root, "h1")) {
            for (Element p = h1; p != null && titleAncestors.add(p); p = p.parent()) {}
        }
        int pageText = Math.max(1, lengths.text(root));
        Predicate<Element> removable =
                e -> e != root && !titleAncestors.contains(e) && lengths.text(e) <= MAX_WIDGET_SHARE * pageText;
        // the sections headed "Customer reviews", "Questions & answers" and the like
        Boilerplate.removeHeadedSections(root, lengths, REVIEW_HEADING, 60, removable);
        List<Element> widgets = new ArrayList<>();
        NodeFilter collect = (node, depth) -> {
            if (node instanceof Element e && removable.test(e) && (isReviewWidget(e) || isTileGrid(e, lengths))) {
                widgets.add(e);
                return NodeFilter.FilterResult.SKIP_CHILDREN;
            }
            return NodeFilter.FilterResult.CONTINUE;
        };
        NodeTraversor.filter(collect, root);
        widgets.forEach(Element::remove);
        if (pageText - lengths.linkText(root) < SHELL_TEXT) {
            // Nothing but links and a few labels: a shell whose product a script fills in later. What it
            // shows is navigation, so the page's content is what it declares, if anything.
            return new Element("div");
        }
        return productArea(root);
    }

    /**
     * The page's main landmark ({@code main} or role main) when it holds the product's name: the shop
     * puts the product there and its navigation, footer and dialogs outside, whatever their size.
     */
    private static Element productArea(Element root) {
        for (Element main : TreeQuery.select(root, MAIN)) {
            if (!TreeQuery.byTag(main, "h1").isEmpty()) {
                return main;
            }
        }
        return root;
    }

    /**
     * Appends the product descriptions the page declares in JSON-LD but does not show in its main
     * content (rendered by a script, or inside a tab the locator left out).
     */
    MainContent complete(MainContent content) {
        List<String> descriptions = StructuredBody.descriptions(declared);
        if (descriptions.isEmpty()) {
            return content;
        }
        Set<String> shown = words(content.text());
        StringBuilder md = new StringBuilder(content.markdown());
        StringBuilder text = new StringBuilder(content.text());
        for (String d : descriptions) {
            String plain = Whitespace.paragraphBreaks(
                            d.indexOf('<') >= 0 ? Jsoup.parse(d).text() : d)
                    .strip();
            Set<String> words = words(plain);
            long missing = words.stream().filter(w -> !shown.contains(w)).count();
            if (missing * 2 < words.size()) {
                continue; // the page shows it already, perhaps worded or formatted a little differently
            }
            for (StringBuilder sb : List.of(md, text)) {
                if (!sb.isEmpty()) {
                    sb.append("\n\n");
                }
                sb.append(plain);
            }
            shown.addAll(words);
        }
        return new MainContent(md.toString(), text.toString(), content.contentLinks(), content.codeBlocks());
    }

    /**
     * A JSON-LD product on sale (with offers) that is the page's only product or is named by its main
     * heading. Category pages declare many products, or one "product" without offers that only carries
     * the site's star rating.
     */
    private static boolean declaresProductOnSale(Document page, List<JsonNode> declared) {
        Set<String> names = new HashSet<>();
        List<String> onSale = new ArrayList<>();
        for (JsonNode product : declared) {
            String name = normalized(product.path("name").asText(""));
            names.add(name);
            if (product.has("offers") && !name.isEmpty()) {
                onSale.add(name);
            }
        }
        if (onSale.isEmpty()) {
            return false;
        }
        if (names.size() <= 2) {
            return true;
        }
        for (Element h1 : TreeQuery.byTag(page, "h1")) {
            String title = normalized(h1.text());
            if (!title.isEmpty() && onSale.stream().anyMatch(n -> n.contains(title) || title.contains(n))) {
                return true;
            }
        }
        return false;
    }

    private static String normalized(String s) {
        return Parser.unescapeEntities(s, false).replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private static Set<String> words(String s) {
        Set<String> words = new HashSet<>();
        for (String w : WORD_SPLIT.split(s.toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /**
     * A list of at least three tiles that each show a price and link elsewhere, and little more: other
     * products offered alongside this one ("customers also bought", accessories, the seller's other
     * items). The product itself is described in prose and specifications, not in priced tiles.
     */
    private static boolean isTileGrid(Element e, TextLengths lengths) {
        int children = e.childrenSize();
        if (children < MIN_TILES || children > MAX_TILES) {
            return false;
        }
        int tiles = 0;
        for (Element child : e.children()) {
            if (lengths.text(child) <= MAX_TILE_TEXT
                    && PRICE.matcher(ElementText.of(child)).find()
                    && !TreeQuery.byTag(child, "a").isEmpty()) {
                tiles++;
            }
        }
        return tiles >= MIN_TILES && tiles * 3 >= children * 2;
    }

    private static boolean isReviewWidget(Element e) {
        String itemprop = e.attr("itemprop");
        return itemprop.equals("review") || itemprop.equals("aggregateRating") || Boilerplate.isNamed(e, REVIEW_NAME);
    }
}
