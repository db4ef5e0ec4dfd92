package dev.mcpweb.extract.html;

import dev.mcpweb.text.AsciiCase;
import dev.mcpweb.text.Whitespace;
import dev.mcpweb.work.StopToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/**
 * Removes what is never main content: scripts and widgets, hidden elements, and page furniture
 * (navigation, headers, footers, sidebars, cookie banners, share and "related" blocks, ads), recognised by tag, ARIA role and class or id names. A furniture
 * pattern never removes an element holding a large share of the page's text, since sites misuse
 * these names on wrappers.
 */
final class Boilerplate implements NodeFilter {
    private static final Set<String> NEVER_CONTENT = Set.of(
            "script",
            "style",
            "template",
            "svg",
            "canvas",
            "iframe",
            "object",
            "embed",
            "input",
            "select",
            "option",
            "textarea",
            "link",
            "meta",
            "map",
            "audio",
            "video",
            "source",
            "track",
            "head",
            "title",
            "base",
            "datalist",
            "progress",
            "meter",
            "slot");
    static final Evaluator HEADINGS = TagNames.of("h2", "h3", "h4", "h5", "h6");
    private static final Evaluator HEADLINE = TagNames.of("h1", "article", "main");
    private static final Evaluator PARAGRAPHS = QueryParser.parse("p");
    private static final double MAX_FURNITURE_PARAGRAPHS = 0.1;
    private static final Set<String> FURNITURE_TAGS = Set.of("nav", "footer", "aside", "menu");
    private static final Set<String> FURNITURE_ROLES = Set.of(
            "navigation",
            "banner",
            "contentinfo",
            "complementary",
            "search",
            "menu",
            "menubar",
            "dialog",
            "alertdialog",
            "toolbar",
            "tablist");
    /** What hides an element by its style: {@link #hasHiddenStyle} finds its matches without running it. */
    static final Pattern HIDDEN_STYLE =
            Pattern.compile("(?:^|;)\\s*(?:display\\s*:\\s*none|visibility\\s*:\\s*hidden)", Pattern.CASE_INSENSITIVE);

    static final List<String> HIDDEN_CLASSES = List.of(
            "hidden",
            "d-none",
            "sr-only",
            "visually-hidden",
            "visuallyhidden",
            "screen-reader-text",
            "is-hidden",
            "hide",
            "u-hidden",
            "invisible",
            "element-invisible",
            "offscreen");
    private static final Pattern FURNITURE_NAME = Pattern.compile("(?:^|[-_])(?:"
            + "nav|navbar|navigation|navigations|menu|menus|menubar|megamenu|mega-menu|footer|site-?footer|sidebar"
            + "|side-bar|sidenav|breadcrumbs?|cookies?|cookie-?banner|cookie-?notice|consent|gdpr|onetrust|share"
            + "|sharing|sharethis|addthis|social|socials|social-?links|related|related-?posts|recommended"
            + "|recommendations|newsletter|subscribe|subscription|signup|sign-?up|promo|promos|advert|adverts"
            + "|advertisement|advertising|ads|adsense|ad|ad-?slot|ad-?unit|dfp|sponsor|sponsored|banner|popup"
            + "|modal|overlay|pagination|pager|skip-?link|skip-?to|masthead|site-?header|global-?header"
            + "|page-?header-?nav|topbar|top-?bar|toolbar|utility-?bar|author-?-?box|author-?-?bio|about-?author"
            + "|author-?-?info|author-?-?desc|author-?-?description|author-?-?details|author-?-?about"
            + "|tags|tag-?list|tag-?cloud|post-?tags|entry-?tags|meta-?tags|print|follow|follow-?us"
            + "|you-?may-?also-?like|more-?stories|read-?next|trending|popular-?posts|disclaimer-?bar|toc"
            + "|table-?of-?contents|back-?to-?top|login|signin|search-?form|searchform|search-?bar"
            + "|user-?info|userinfo|user-?details|user-?title|user-?stats|member-?title"
            + "|post-?signature|signature|post-?controls|post-?actions|reactions?-?bar"
            // WordPress's post footer and the share and author-box plugins many blogs install
            + "|entry-utility|sharedaddy|jp-post-flair|saboxplugin-wrap|news-letter)(?:$|[-_])");
    /** The words of {@link #FURNITURE_NAME} that name a list of links, between separators or the name's ends. */
    private static final Pattern LINK_LIST_WORDS = Pattern.compile("(?<=^|[-_])(?:toc|table-?of-?contents|nav|navbar"
            + "|navigation|navigations|menu|menus|breadcrumbs?|pagination|pager|tags|tag-?list|post-?tags"
            + "|entry-?tags)(?=$|[-_])");

    private static final int MIN_LINKS_NAME_PROSE = 200;

    /** {@link #FURNITURE_NAME} looked up word by word: it is asked about every name of every page. */
    static final NameWords FURNITURE_WORDS = new NameWords(FURNITURE_NAME);

    static final Pattern RECOMMENDATION_HEADING = Pattern.compile(
            "(?i)\\b(?:you (?:may|might) also (?:like|enjoy)|also viewed|also bought|also liked|similar (?:items|products)"
                    + "|related (?:products|items|articles|posts|stories|content|reading)|recommended (?:for you|products"
                    + "|articles|reading)|recently viewed|more from this|more stories|popular (?:posts|articles|stories)"
                    + "|trending now|read next|don't miss|customers who)\\b");
    /**
     * The same headings in the other languages news sites write in: German, French, Spanish,
     * Portuguese, Italian and Polish. Unicode-aware, so that a word ending in "ż" or "é" still ends at
     * a word boundary.
     */
    static final Pattern RECOMMENDATION_HEADING_ELSEWHERE = Pattern.compile("(?iU)\\b(?:"
            + "das könnte (?:sie|dich) (?:auch )?interessieren|(?:auch|ebenfalls) interessant|schon gelesen"
            + "|lesen sie (?:auch|mehr)|mehr zu(?:m thema| diesem thema)|weitere (?:artikel|beiträge|meldungen"
            + "|nachrichten|themen|news)|(?:meist|viel)gelesen|(?:meist|viel) gelesen|populäre (?:artikel|beiträge)"
            + "|empfehlungen (?:aus der redaktion|für (?:sie|dich))|(?:die )?neuesten? (?:artikel|beiträge|meldungen"
            + "|nachrichten)|(?:aktuelle|neueste) kommentare|recent comments|latest (?:news|posts|articles|stories)"
            + "|à lire (?:aussi|également)|lire aussi|sur le même (?:sujet|thème)|articles? (?:similaires|liés|connexes)"
            + "|les plus lus|dans la même rubrique|vous aimerez (?:aussi|également)|à découvrir aussi"
            + "|te puede interesar|también te puede interesar|noticias relacionadas|artículos relacionados"
            + "|lo más (?:leído|visto)|más noticias|te recomendamos|leia também|veja também|notícias relacionadas"
            + "|mais lidas|leggi anche|articoli correlati|potrebbe interessarti|zobacz (?:także|też|również)"
            + "|czytaj (?:także|też|również)|przeczytaj (?:także|też|również)|polecane|najczęściej czytane"
            + "|najpopularniejsze|podobne artykuły)\\b");

    /**
     * Pieces one of which every match of {@link #RECOMMENDATION_HEADING} holds, as {@link TrailingNotes#folded}
     * reads the text. Most headings hold none and are not searched, a search that tries each alternative at
     * every position.
     */
    static final List<String> RECOMMENDATION_PIECES = List.of(
            "also ",
            "similar ",
            "related ",
            "recommended ",
            "recently viewed",
            "more ",
            "popular ",
            "trending now",
            "read next",
            "don't miss",
            "customers who");

    /** As {@link #RECOMMENDATION_PIECES}, for {@link #RECOMMENDATION_HEADING_ELSEWHERE}. */
    static final List<String> RECOMMENDATION_PIECES_ELSEWHERE = List.of(
            // German
            "interes",
            "lesen",
            "thema",
            "weitere ",
            "populäre ",
            "empfehlungen ",
            "neueste",
            "aktuelle kommentare",
            // English, French
            "recent comments",
            "latest ",
            "lire ",
            "même ",
            "article",
            "plus lus",
            "aimerez",
            "découvrir",
            // Spanish, Portuguese, Italian
            "relacionad",
            "más ",
            "recomendamos",
            "também",
            "mais lidas",
            "leggi ",
            "correlati",
            // Polish
            "zobacz ",
            "czyta",
            "polecane",
            "najpopularniejsze",
            "podobne ");

    private static final String[][] RECOMMENDATION_PIECES_BY_FIRST = Furniture.byFirstCharacter(RECOMMENDATION_PIECES);
    private static final String[][] RECOMMENDATION_PIECES_ELSEWHERE_BY_FIRST =
            Furniture.byFirstCharacter(RECOMMENDATION_PIECES_ELSEWHERE);
    /**
     * Sidebar widgets are named for what they are ({@code widget}, {@code widget_recent_entries}); page
     * builders name their layout cells {@code widget-span}, {@code widget-type-rich_text} or {@code
     * widget_} plus a generated number, and those cells hold the whole page.
     */
    private static final Pattern WIDGET_NAME = Pattern.compile("^widget(?:$|[-_](?!span|type|\\d))");

    /** Furniture patterns leave alone an element holding more than this share of the page's text. */
    private static final double MAX_FURNITURE_SHARE = 0.4;

    /**
     * A footer stays furniture however much prose it holds: shops put their long SEO copy there, below
     * the product grid.
     */
    private static final Pattern FOOTER_NAME = Pattern.compile("(?i)footer");

    /** The least prose that makes an element an article rather than, say, a newsletter box. */
    private static final int MIN_ARTICLE_PROSE = 800;

    private static final int NOSCRIPT_CONTENT = 200;
    /** Ids and class attributes this long or longer are not read for names. */
    static final int MAX_ID = 200;

    static final int MAX_CLASS = 2000;
    /** Above this much text outside the comments, a page is an article with comments under it. */
    private static final int MAX_DISCUSSION_PROSE = 2500;

    private final TextLengths lengths;
    private final Element root;
    private List<Element> stories; // found once, when a furniture name first asks
    private final int pageText;
    private final int pageProse;
    private int pageParagraphs = -1; // measured when a large furniture element first asks
    private final Disclosures disclosures;
    private final ElementFacts facts;
    private final NameTest furnitureName = new NameTest(n -> isFurnitureName(n.toLowerCase(Locale.ROOT)));
    /** A furniture name still with the words for lists of links taken out of it: the element is not such a list only. */
    private final NameTest otherFurnitureName = new NameTest(n ->
            isFurnitureName(LINK_LIST_WORDS.matcher(n.toLowerCase(Locale.ROOT)).replaceAll("x")));

    private final NameTest consentName = new NameTest(Boilerplate::isConsentName);
    /**
     * A furniture or a consent name: one test of most elements' names instead of two, as nearly every element
     * has neither, and each test splits every class attribute of the page anew.
     */
    private final NameTest furnitureOrConsentName =
            new NameTest(n -> isFurnitureName(n.toLowerCase(Locale.ROOT)) || isConsentName(n));

    private Boilerplate(TextLengths lengths, ElementFacts facts, Element root, Disclosures disclosures) {
        this.lengths = lengths;
        this.facts = facts;
        this.root = root;
        this.pageText = Math.max(1, lengths.text(root));
        this.pageProse = Math.max(1, lengths.prose(root));
        this.disclosures = disclosures;
    }

    /**
     * Removes boilerplate under {@code root} in place; {@code lengths} measured it. Comment sections
     * are not furniture here: {@link CommentSections} takes them out first, unless the page is a
     * discussion, where they are the content. {@code facts} are those of the page's elements.
     */
    static void strip(Element root, TextLengths lengths, ElementFacts facts, StopToken stop) {
        removeRecommendations(root, lengths, facts);
        stop.check();
        Disclosures disclosures = Disclosures.of(facts.controls(root));
        NodeTraversor.filter(Checked.filter(new Boilerplate(lengths, facts, root, disclosures), stop), root);
    }

    /**
     * Removes blocks introduced by a heading such as "You may also like" or "Customers also viewed",
     * as long as they stay a small share of the page.
     */
    private static void removeRecommendations(Element root, TextLengths lengths, ElementFacts facts) {
        int page = Math.max(1, lengths.text(root));
        Predicate<Element> small = c -> lengths.text(c) < MAX_FURNITURE_SHARE * page;
        List<Element> headings = facts.headings(root);
        if (!removeHeadedSections(root, headings, lengths, Boilerplate::isRecommendationHeading, 80, small)
                .isEmpty()) {
            headings = facts.headings(root); // some left with their sections
        }
        removeHeadedSections(root, headings, lengths, Boilerplate::isRecommendationHeadingElsewhere, 80, small);
    }

    /** Whether {@link #RECOMMENDATION_HEADING} finds a match in {@code text}. */
    static boolean isRecommendationHeading(String text) {
        return Furniture.holdsAny(TrailingNotes.folded(text), RECOMMENDATION_PIECES_BY_FIRST)
                && RECOMMENDATION_HEADING.matcher(text).find();
    }

    /** Whether {@link #RECOMMENDATION_HEADING_ELSEWHERE} finds a match in {@code text}. */
    static boolean isRecommendationHeadingElsewhere(String text) {
        return Furniture.holdsAny(TrailingNotes.folded(text), RECOMMENDATION_PIECES_ELSEWHERE_BY_FIRST)
                && RECOMMENDATION_HEADING_ELSEWHERE.matcher(text).find();
    }

    /**
     * Removes the sections under {@code root} whose heading (h2 to h6, at most {@code maxHeading}
     * characters) {@code heading} finds: each heading's section is its closest ancestor that holds
     * more than the heading and starts with it; {@code removable} says whether that may go. The root
     * itself never goes.
     */
    static List<Element> removeHeadedSections(
            Element root, TextLengths lengths, Pattern heading, int maxHeading, Predicate<Element> removable) {
        return removeHeadedSections(root, TreeQuery.select(root, HEADINGS), lengths, heading, maxHeading, removable);
    }

    /** As above, for {@code headings}, those of {@code root} in page order. */
    static List<Element> removeHeadedSections(
            Element root,
            List<Element> headings,
            TextLengths lengths,
            Pattern heading,
            int maxHeading,
            Predicate<Element> removable) {
        return removeHeadedSections(
                root, headings, lengths, text -> heading.matcher(text).find(), maxHeading, removable);
    }

    /** As above, with {@code isHeading} saying which heading texts open a section to remove. */
    static List<Element> removeHeadedSections(
            Element root,
            List<Element> headings,
            TextLengths lengths,
            Predicate<String> isHeading,
            int maxHeading,
            Predicate<Element> removable) {
        List<Element> removed = new ArrayList<>();
        for (Element h : headings) {
            String text = ElementText.of(h);
            if (text.length() > maxHeading || !isHeading.test(text) || h.parent() == null) {
                continue;
            }
            Element section = h;
            int steps = 0;
            while (section.parent() != null
                    && section.parent() != root
                    && steps++ < 6
                    && lengths.text(section.parent()) <= lengths.text(h) + 10) {
                section = section.parent();
            }
            Element container = section.parent();
            if (container != null
                    && container != root
                    && removable.test(container)
                    && container.text().startsWith(text)) {
                container.remove();
                removed.add(container);
            }
        }
        return removed;
    }

    /**
     * A page is a discussion (forum thread, link aggregator) when its comments outweigh the prose
     * outside them: there the comments are the content, not an appendix to an article. Hidden text
     * (closed dialogs, menus, install hints forum software ships with every thread) is no prose a
     * reader sees, so it does not count.
     */
    static boolean isDiscussion(Element root, TextLengths lengths, ElementFacts facts) {
        // A walk stopping at comments, hidden elements and dialogs, which are the marked elements, would count these.
        int commentText = 0;
        int hidden = 0;
        for (Element e : TreeQuery.outermost(facts.marked(root), marked -> true)) {
            if (facts.isMicrodataComment(e) || facts.isCommentNamed(e)) {
                commentText += lengths.prose(e);
            } else {
                hidden += lengths.prose(e); // hidden, or a dialog
            }
        }
        int proseOutside = lengths.prose(root) - commentText - hidden;
        return commentText > 2 * proseOutside && commentText > 200 && proseOutside < MAX_DISCUSSION_PROSE;
    }

    /** Whether {@code e}'s id or one of its class names contains a match of {@code name} (lower-cased). */
    static boolean isNamed(Element e, Pattern name) {
        return hasName(e, n -> name.matcher(n.toLowerCase(Locale.ROOT)).find());
    }

    static boolean hasName(Element e, Predicate<String> test) {
        String id = e.id();
        if (!id.isEmpty() && id.length() < MAX_ID && test.test(id)) {
            return true;
        }
        String cls = e.className();
        return !cls.isEmpty() && cls.length() < MAX_CLASS && ClassNames.anyMatch(cls, test);
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (node instanceof Comment) {
            return FilterResult.REMOVE;
        }
        if (!(node instanceof Element e) || depth == 0) {
            return FilterResult.CONTINUE;
        }
        String tag = e.normalName();
        if (NEVER_CONTENT.contains(tag)) {
            return FilterResult.REMOVE;
        }
        if (facts.isHidden(e) && isSmall(e) && !disclosures.isPanel(e)) {
            // A hidden element holding most of the page, or a tab or accordion panel, is content a
            // script reveals: keep it.
            return FilterResult.REMOVE;
        }
        if (tag.equals("noscript") && lengths.text(e) < NOSCRIPT_CONTENT) {
            // Large noscript blocks are what crawlers and no-JS readers get: the page's real content.
            return FilterResult.REMOVE;
        }
        if (tag.equals("button") && TextLengths.visibleLength(e.text()) < 30) {
            return FilterResult.REMOVE;
        }
        // every test of names and roles reads an attribute, and most elements have none
        boolean named = e.attributesSize() > 0 && furnitureOrConsentName.test(e);
        if (isFurniture(e, tag, named) && (isSmall(e) || holdsNoParagraphs(e))) {
            return FilterResult.REMOVE;
        }
        if (named && isConsentBox(e)) {
            return FilterResult.REMOVE;
        }
        return FilterResult.CONTINUE;
    }

    /** Whether {@code e} holds a small share of the page's text; asked only of the few hidden or furniture elements. */
    private boolean isSmall(Element e) {
        return lengths.text(e) <= MAX_FURNITURE_SHARE * pageText;
    }

    /**
     * A cookie consent box, however long its list of the site's cookies: named for cookies or consent in
     * any spelling ({@code BorlabsCookieBox}, {@code redim-cookiehint}, {@code dialogCookieWarning}), and
     * speaking of cookies, without the page's headline or story in it.
     */
    private boolean isConsentBox(Element e) {
        return consentName.test(e)
                && containsIgnoreCase(e.text(), "cookie")
                && !holdsTheStory(e)
                && TreeQuery.select(e, HEADLINE).isEmpty();
    }

    private static boolean isConsentName(String name) {
        return containsIgnoreCase(name, "cookie") || containsIgnoreCase(name, "consent");
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        return FilterResult.CONTINUE;
    }

    /**
     * Whether {@code e} holds a large share of the page's text outside links, and enough of it to be
     * an article: then a furniture class or id name is a wrapper's misnomer (a layout "widget", a
     * "content-nav-section"), even when a mega-menu full of links makes the article look small.
     */
    private boolean mostOfTheProse(Element e) {
        int prose = lengths.prose(e);
        return prose >= MIN_ARTICLE_PROSE
                && prose > MAX_FURNITURE_SHARE * pageProse
                && !FOOTER_NAME.matcher(e.className()).find();
    }

    static boolean isHidden(Element e) {
        if (e.attributesSize() == 0) {
            return false; // most elements of a page: every test below reads an attribute
        }
        // The parser lower-cases attribute names, so an exact lookup finds what attr() would find by
        // comparing every name case-insensitively; this runs for every element, several times.
        Attributes attributes = e.attributes();
        String cls = attributes.get("class").trim(); // as className()
        return isHiddenByAttributes(attributes) || !cls.isEmpty() && hasHiddenClass(cls);
    }

    /** Whether {@code attributes} hide their element by anything but its class names. */
    static boolean isHiddenByAttributes(Attributes attributes) {
        if (attributes.hasKey("hidden") || attributes.get("aria-hidden").equalsIgnoreCase("true")) {
            return true;
        }
        if (attributes.get("type").equalsIgnoreCase("hidden")) {
            return true;
        }
        String style = attributes.get("style");
        return !style.isEmpty() && style.length() < 5000 && hasHiddenStyle(style);
    }

    /**
     * Whether {@link #HIDDEN_STYLE} finds a match in {@code style}: a declaration at its start or after a
     * semicolon, white space before it and around its colon, of {@code display: none} or {@code visibility:
     * hidden}, each word in any ASCII case (the pattern is not Unicode-case-insensitive). Read declaration by
     * declaration rather than by the regex, which tries every position of every style of the page.
     */
    static boolean hasHiddenStyle(String style) {
        for (int start = 0; ; ) {
            int i = Whitespace.skip(style, start);
            if (declares(style, i, "display", "none") || declares(style, i, "visibility", "hidden")) {
                return true;
            }
            int semicolon = style.indexOf(';', start);
            if (semicolon < 0) {
                return false;
            }
            start = semicolon + 1;
        }
    }

    /** Whether {@code style} declares {@code property} (in lower case) {@code value}, from {@code i} on. */
    private static boolean declares(String style, int i, String property, String value) {
        if (!AsciiCase.startsWith(style, i, property)) {
            return false;
        }
        int colon = Whitespace.skip(style, i + property.length());
        return colon < style.length()
                && style.charAt(colon) == ':'
                && AsciiCase.startsWith(style, Whitespace.skip(style, colon + 1), value);
    }

    /** Whether one of the names in {@code cls}, a class attribute trimmed, hides its element. */
    static boolean hasHiddenClass(String cls) {
        return mayHoldHiddenClass(cls) && ClassNames.anyLowerCasedIn(cls, HIDDEN_CLASSES);
    }

    /**
     * Whether {@code cls} may hold one of {@link #HIDDEN_CLASSES}: each of them holds "hid", "vis", "ffs", "-none",
     * "-only" or "-reader", which an ASCII string is searched for ignoring case in one pass, compared only where
     * its first two characters stand, before it is split into names (every distinct class attribute of the page
     * is asked); any other may.
     */
    static boolean mayHoldHiddenClass(String cls) {
        for (int i = 0, n = cls.length() - 1; i < n; i++) { // no piece is shorter than three characters
            char c = cls.charAt(i);
            if (c >= 0x80) {
                return true; // lower-casing beyond ASCII is not worth reasoning about here
            }
            char next = (char) (cls.charAt(i + 1) | 0x20); // an ASCII letter's lower case
            boolean found = switch (c | 0x20) {
                case 'h' -> next == 'i' && cls.regionMatches(true, i, "hid", 0, 3);
                case 'v' -> next == 'i' && cls.regionMatches(true, i, "vis", 0, 3);
                case 'f' -> next == 'f' && cls.regionMatches(true, i, "ffs", 0, 3);
                case '-' ->
                    next == 'n' && cls.regionMatches(true, i, "-none", 0, 5)
                            || next == 'o' && cls.regionMatches(true, i, "-only", 0, 5)
                            || next == 'r' && cls.regionMatches(true, i, "-reader", 0, 7);
                default -> false;
            };
            if (found) {
                return true;
            }
        }
        return cls.length() > 0 && cls.charAt(cls.length() - 1) >= 0x80;
    }

    /** Whether {@code s} holds {@code word} ignoring case, as {@code regionMatches(true, …)} compares: a cheap first test. */
    static boolean containsIgnoreCase(String s, String word) {
        char first = AsciiCase.lower(word.charAt(0));
        for (int i = 0, last = s.length() - word.length(); i <= last; i++) {
            // An ASCII character matches an ASCII one ignoring case only as its lower case: most positions
            // are ruled out without the comparison, whose case rules reach beyond ASCII (the Kelvin sign is k).
            char c = s.charAt(i);
            if ((c >= 0x80 || first >= 0x80 || AsciiCase.lower(c) == first)
                    && s.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    static boolean isHiddenClass(String className) {
        return HIDDEN_CLASSES.contains(className.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether {@code e} is furniture by its tag, role or names; {@code maybeNamed} says whether it has a furniture
     * or a consent name ({@link #furnitureOrConsentName}).
     */
    private boolean isFurniture(Element e, String tag, boolean maybeNamed) {
        if (FURNITURE_TAGS.contains(tag)) {
            return true;
        }
        if (tag.equals("header") && !insideContent(e)) {
            return true;
        }
        if (e.attributesSize() == 0) {
            return false; // no role and no names
        }
        String role = e.attr("role");
        if (!role.isEmpty()
                && FURNITURE_ROLES.contains(role.toLowerCase(Locale.ROOT).strip())) {
            return true;
        }
        // Names that say furniture only by words for lists of links (a table of contents, a menu, tags), as
        // the id TOC_TITLE_1 of a story's section that a table of contents links to: what holds prose is
        // not such a list. A name still furniture without those words is furniture with them (the "x" put
        // in their place is no furniture word), so the plain test goes first and most elements end there.
        boolean named = maybeNamed && furnitureName.test(e) && (otherFurnitureName.test(e) || !holdsProse(e));
        return named
                && !(tag.equals("body") || tag.equals("main") || tag.equals("article") || mostOfTheProse(e))
                && !holdsTheStory(e);
    }

    /**
     * Whether {@code e} holds the page's one {@code <article>} or its microdata article body: a sidebar or
     * a menu does not, but a layout wrapper named for the sidebar beside the story does
     * ({@code cb-sidebar-right}), and a short story is too short for {@link #mostOfTheProse} to save it.
     */
    private boolean holdsTheStory(Element e) {
        if (stories == null) {
            stories = stories();
        }
        for (Element story : stories) {
            if (TreeQuery.holds(e, story)) {
                return true;
            }
        }
        return false;
    }

    /** The page's story marks still under the root: its one {@code <article>}, and its microdata article bodies. */
    private List<Element> stories() {
        // Loops rather than streams: C1, which runs the cold CLI, builds and calls the pipeline's every stage.
        List<Element> marked = new ArrayList<>();
        int articles = 0;
        for (Element s : lengths.storyMarks()) {
            if (TreeQuery.holds(root, s)) { // not among the comments taken out before
                marked.add(s);
                articles += s.nameIs("article") ? 1 : 0;
            }
        }
        if (articles > 1) { // several <article>s are a list of teasers, not the story
            marked.removeIf(s -> s.nameIs("article"));
        }
        return marked;
    }

    /**
     * Whether a large furniture element (a sidebar of link lists and widgets that outweighs a short post)
     * holds under a tenth of the page's paragraph text and no headline: the story is not in it.
     */
    private boolean holdsNoParagraphs(Element e) {
        if (pageParagraphs < 0) {
            pageParagraphs = paragraphText(root);
        }
        return paragraphText(e) < MAX_FURNITURE_PARAGRAPHS * pageParagraphs
                && TreeQuery.select(e, HEADLINE).isEmpty()
                && !holdsTheStory(e);
    }

    private static int paragraphText(Element e) {
        int n = 0;
        for (Element p : TreeQuery.select(e, PARAGRAPHS)) {
            n += p.text().length();
        }
        return n;
    }

    /** Prose of a paragraph's length at least, and over three times the text of its links. */
    private boolean holdsProse(Element e) {
        int prose = lengths.prose(e);
        return prose >= MIN_LINKS_NAME_PROSE && prose > 3 * lengths.linkText(e);
    }

    private static boolean isFurnitureName(String name) {
        if (name.indexOf(':') >= 0 || name.indexOf('[') >= 0) {
            return false; // utility-class variants such as lg:has-[.banner]:pt-0 describe style, not role
        }
        if (namesAFeature(name)) {
            return false; // "has-sidebar", "modal-enabled": a page or wrapper with that feature, not the feature
        }
        int element = name.indexOf("__");
        int modifier = element < 0 ? -1 : name.indexOf("--", element);
        if (modifier > 0) {
            // BEM: block__element--modifier is a variant of that element ("report__section--ads", a section
            // with an ad slot in it); the element's own name says what it is.
            name = name.substring(0, modifier);
        }
        // every match of WIDGET_NAME opens the name: no matcher for the names that do not start so
        return FURNITURE_WORDS.find(name)
                || name.startsWith("widget") && WIDGET_NAME.matcher(name).find();
    }

    private static boolean namesAFeature(String name) {
        return name.startsWith("has-")
                || name.startsWith("with-")
                || name.endsWith("-enabled")
                || name.endsWith("-disabled");
    }

    private static boolean insideContent(Element e) {
        int steps = 0;
        for (Element p = e.parent(); p != null && steps++ < 64; p = p.parent()) {
            if (p.nameIs("article") || p.nameIs("main")) {
                return true;
            }
        }
        return false;
    }
}
