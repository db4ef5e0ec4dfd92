package dev.mcpweb.extract.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

/**
 * Removes the notes a site sets after a story, each in a block of its own: a paywall's "to read on,
 * subscribe", a plea for donations, "follow us on Instagram", a magazine's or shop's advertisement, a
 * copyright notice, a credit or record line (picture, source, permalink, categories, last change), an ad
 * label, an {@code <address>}, a contact box, a comments heading, and what is left of a comment or log-in
 * form; a paywall's note goes with its pitch. It walks the content's blocks back from its end (a run of
 * loose text beside blocks counts as a block) and stops at the first that is neither such a note nor a
 * short line, so the story's last paragraph bounds it. A note and a closing sentence share their structure,
 * so the notes are told by their words, given per language (English, German, French, Spanish,
 * Portuguese, Italian, Polish). A call to action goes only when the site set it apart from the story's
 * run of paragraphs; a short line the walk passes over stays unless it follows a label, as the lines of
 * a contact box do.
 */
final class TrailingNotes {
    /** A note is a few sentences; a longer block is the story's own. */
    private static final int MAX_NOTE = 400;
    /** A prompt set in bold or italics as a whole may be this long: a plea of a few sentences. */
    private static final int MAX_SET_APART_NOTE = 800;
    /** A paywall's note and the pitch after it hold at most this much text. */
    private static final int MAX_PAYWALL_PITCH = 1500;
    /** A block this short is a line (a name, a date, a phone number) the walk may pass over. */
    private static final int MAX_LINE = 120;
    /** The walk passes over at most this many lines. */
    private static final int MAX_LINES = 8;
    /**
     * A form after the story with at most this much text (its labels and notes) goes whole; a comment
     * form, which says the address will not be published, goes even where the story is short.
     */
    private static final int MAX_FORM = 1500;
    /** The notes together hold at most this share of the content's text. */
    private static final double MAX_SHARE = 0.3;

    /** A block with this share of its text in bold or italics is set apart as a whole. */
    private static final double MIN_EMPHASIS = 0.8;

    private static final Evaluator EMPHASIS = TagNames.of("strong", "b", "em", "i");

    /** The name of the element a loose run of text is wrapped in while the walk lasts. */
    private static final String RUN = "loose-run";

    private static final Evaluator ADDRESS = QueryParser.parse("address");

    private static final Set<String> INLINE = Set.of(
            "a", "abbr", "b", "bdi", "bdo", "big", "br", "button", "cite", "code", "data", "del", "dfn", "em", "font",
            "i", "img", "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong",
            "sub", "sup", "time", "tt", "u", "var", "wbr");

    /**
     * What a closing prompt asks of the reader, per language: subscribe, sign up, read on behind the
     * paywall, donate, support, follow, buy the magazine, visit the shop. Phrases addressed to the reader,
     * not nouns a story may close on (its subscribers, a newsletter, donations).
     */
    static final Pattern PROMPT = Pattern.compile("(?iU)(?:\\b(?:"
            // English
            + "subscribe\\b|sign up (?:here|now|today|for (?:our|the|free))|log ?in to (?:comment|read on|continue)|support (?:us|our|independent)|supporting our"
            + "|become a (?:member|patron|subscriber)|(?:our|free) newsletter"
            + "|follow [^.]{0,30}\\bon (?:twitter|facebook|instagram|telegram|whatsapp|linkedin|tiktok|youtube)"
            + "|letters? to the editor|donate\\b"
            + "|make a donation|to (?:view|read|continue reading) the (?:full|whole|rest of the) (?:story|article)"
            + "|visit our (?:online )?(?:shop|store)"
            // German
            + "|abonniere (?:jetzt|unseren?|unsere|den|das)|abonnieren sie|jetzt abonnieren|unterstütze"
            + "|unterstützen sie|folg(?:e|en sie) uns|werden sie mitglied|(?:unseren|zum) newsletter"
            + "|newsletter abonnieren|in deinen posteingang|jetzt spenden|spenden sie|spende jetzt"
            + "|jede (?:noch so )?kleine spende|mit (?:einer|deiner|ihrer) spende|registrieren sie sich"
            + "|lesen sie (?:das|die|den) [^.]{0,30}magazin|aktuelle ausgabe|unseren? [\\w-]*shop"
            // French
            + "|abonnez|s'abonner|soutenez|faites un don|je fais un don|suivez-nous|notre newsletter"
            + "|lire la suite|connectez-vous"
            // Spanish
            + "|suscr[ií]b(?:ete|irse|irte|ase)|s[ií]guenos|seguir(?:nos)? (?:a [^.]{0,30})?en (?:facebook|twitter|instagram|telegram)"
            + "|apoya (?:el|nuestro)|hazte (?:miembro|socio)|h[aá]gase miembro|canal de (?:telegram|whatsapp|youtube)"
            + "|haz una donaci[oó]n|dona (?:ahora|aquí)"
            // Portuguese, Italian
            + "|assine|apoie|siga-nos|abbonati|iscriviti|seguici|sostieni"
            // Polish
            + "|zaprenumeruj|wykup (?:dostęp|prenumeratę|subskrypcję)|wesprzyj|obserwuj nas|czytaj (?:więcej|dalej) w"
            + "|zaloguj się"
            + "))");

    /**
     * Pieces one of which every match of {@link #PROMPT} holds, as {@link #folded} reads the text. Most
     * blocks hold none and are not searched, a search that tries each of sixty alternatives at every word.
     */
    static final List<String> PROMPT_PIECES = List.of(
            // English
            "subscribe",
            "sign up ",
            "in to ",
            "support",
            "become a",
            "newsletter",
            "follow ",
            "to the editor",
            "dona",
            "the full",
            "the whole",
            "the rest",
            "visit our",
            // German
            "abonn",
            "unterst",
            "folg",
            "mitglied",
            "posteingang",
            "spende",
            "registrieren",
            "magazin",
            "aktuelle ausgabe",
            "shop",
            // French
            "soutenez",
            "un don",
            "suivez-nous",
            "lire la suite",
            "connectez-vous",
            // Spanish
            "suscr",
            "guenos",
            "seguir",
            "apoya ",
            "hazte ",
            "gase miembro",
            "canal de ",
            // Portuguese, Italian
            "assine",
            "apoie",
            "siga-nos",
            "abbonati",
            "iscriviti",
            "seguici",
            "sostieni",
            // Polish
            "zaprenumeruj",
            "wykup ",
            "wesprzyj",
            "obserwuj nas",
            "czytaj ",
            "zaloguj"); // Polish

    private static final String[][] PROMPT_PIECES_BY_FIRST = Furniture.byFirstCharacter(PROMPT_PIECES);

    /** What a paywall says where it cuts the story, per language: the rest is for subscribers. */
    static final Pattern PAYWALL = Pattern.compile("(?iU)\\b(?:to (?:view|read|continue reading) the"
            + " (?:full|whole|rest of the) (?:story|article)|pour lire la suite|um (?:den|diesen) artikel weiterzulesen"
            + "|para (?:seguir|continuar) leyendo|aby (?:czytać|przeczytać) (?:dalej|całość))");

    /**
     * Pieces one of which every match of {@link #PAYWALL} holds, lower-cased; none holds a letter that case
     * folding also gives a character beyond ASCII (the long s, the dotless i, the Kelvin sign), so the
     * lower-cased text of a match holds it too. Most blocks hold none and are not searched, a search that
     * tries each alternative at every word.
     */
    static final List<String> PAYWALL_PIECES =
            List.of("the full", "the whole", "the re", "pour l", "um d", "leyendo", "czyta");

    /**
     * What a site's closing notice says, per language: it claims the copyright, forbids reprints or names
     * the licence of the site's content (not of the work, which a book's page keeps),
     * disclaims (the author's opinion is not the site's), or tells that the comments are closed or need a log-in.
     */
    static final Pattern NOTICE = Pattern.compile("(?iU)\\b(?:"
            + "all rights reserved|copyrighted|must be logged in|comments are closed|will not be published"
            + "|to load (?:the )?(?:external )?content|do not necessarily reflect|(?:views|opinions) expressed"
            + "|(?:gibt|geben) [^.]{0,40}meinung (?:des|der) (?:autors|autorin|verfasser|redaktion)"
            + "|n'engagent que (?:leurs?|son|ses) auteur|no (?:necesariamente )?refleja(?:n)? (?:la|las) opini"
            + "|wyrażają (?:wyłącznie )?(?:opinie|poglądy) autor"
            + "|sie müssen (?:sich )?(?:einloggen|angemeldet)|kommentare sind (?:\\w+ )?geschlossen"
            + "|kommentare geschlossen|(?:wird|und) nicht veröffentlicht|alle rechte vorbehalten|nachdruck"
            + "|ohne gewähr|um den inhalt von (?:[^.]|\\.\\w){1,60} zu laden"
            + "|tous droits réservés|ne sera pas publiée|commentaires sont fermés|charger le contenu"
            + "|todos los derechos reservados|no será publicad|cargar el contenido"
            + "|prawem autorskim|prawa zastrzeżone|nie zostanie opublikowany"
            + "|inhalte dieser (?:web)?(?:seite|site)(?: (?:stehen|steht|sind))? unter"
            + "|(?:content|text) (?:on|of) this (?:site|website) is licensed under"
            + "|contenidos? de (?:este|esta) (?:sitio|web|página) (?:está|están) bajo)");

    /** Pieces one of which every match of {@link #NOTICE} holds, as {@link #PROMPT_PIECES}. */
    static final List<String> NOTICE_PIECES = List.of(
            // English
            "reserved",
            "copyright",
            "logged in",
            "are closed",
            "publi",
            "to load",
            "necessarily",
            "expressed",
            "licensed under",
            // German
            "meinung",
            "einloggen",
            "angemeldet",
            "geschlossen",
            "nicht ver",
            "vorbehalten",
            "nachdruck",
            "ohne gew",
            "inhalt von",
            "inhalte dieser",
            // French, Spanish
            "engagent",
            "refleja",
            "droits r",
            "sont ferm",
            "conten",
            "derechos",
            // Polish
            "wyra",
            "autorskim",
            "prawa zastrze");

    private static final String[][] NOTICE_PIECES_BY_FIRST = Furniture.byFirstCharacter(NOTICE_PIECES);

    /**
     * A credit or record line: who took the picture, where the text comes from, its permalink, its
     * categories and tags, when it was last changed, how often it was read.
     */
    private static final Pattern CREDIT = Pattern.compile("(?iU)^(?:(?:quelle|quellen|bildquelle|titelbild|beitragsbild"
            + "|foto|fotos|bild|source|sources|photo|image|credit|fuente|fuentes|źródło|źródła|fot\\.?"
            + "|kategorie|kategorien|category|categories|catégorie|categoría|kategoria"
            + "|tags|schlagwörter|stichwörter|etiquetas|tagi|aufrufe|views"
            + "|von|by|autor|autorin|author|text|texto|tekst|por|par)\\s*:(?:\\s|$)"
            + "|(?:permalink|permalien|short-url)\\s*:?\\s*https?:"
            + "|(?:last modified|last updated|zuletzt aktualisiert|aktualisiert am|mis à jour le|actualizado"
            + "|ostatnia aktualizacja)\\s*:?\\s*\\d)");

    /**
     * A label over a contact or author box, whose lines follow it, or over an advertisement, per language.
     * The whole of a block's text, punctuation aside.
     */
    private static final Pattern LABEL = Pattern.compile("(?iU)(?:kontakt|pressekontakt|ansprechpartner(?:in)?"
            + "|(?:über den|zum) autor|autor(?:in)?|von|text|contact|press contact|about the author|author|by"
            + "|contacto|sobre el autor|por|contact presse|à propos de l'auteur|par|kontakt dla mediów|o autorze"
            + "|anzeige|werbung|advertisement|publicidad|publicité|reklama)");

    /** An ad label at the head of a line: "ANZEIGE - Heute mal ausgehen?", "Werbung: …". */
    private static final Pattern AD_LINE = Pattern.compile(
            "(?iU)^[\\s\\p{Pd}]*(?:anzeige|werbung|advertisement|publicidad|publicité|reklama)\\s*[\\p{Pd}:|]");

    /** A label over an author's bio, per language: the whole of a block's text, punctuation aside. */
    private static final Pattern AUTHOR_LABEL = Pattern.compile("(?iU)(?:(?:über den|zum|die|der) autor(?:in)?"
            + "|autor(?:in)?|about the author|the author|author|sobre el autor|el autor|autor|à propos de l'auteur"
            + "|l'auteur|o autorze)");

    /** Between an author label and the bio stand at most this many lines (the author's name, a role). */
    private static final int MAX_BIO_LINES = 2;

    /**
     * An agency's or editor's sign-off at a story's very end: the editor's initials in lower case, then the
     * agencies', slash-separated, perhaps in brackets: "aja/PAP", "(dr/spot)", "mb/dpa/AFP".
     */
    private static final Pattern SIGN_OFF = Pattern.compile("\\(?\\p{Ll}{2,4}(?:\\s?/\\s?\\p{L}{2,6}){1,3}\\)?");

    /** A phone or fax number or an e-mail address, as a contact box lists them. */
    private static final Pattern CONTACT = Pattern.compile("(?iU)(?:\\b(?:tel|telefon|telephone|phone|fon|fax"
            + "|téléphone|teléfono|tél)\\b\\.?:?\\s*\\+?\\(?\\d|[\\w.+-]+@[\\w-]+\\.[\\w.]+)");

    /** A contact box lists at least this many ways to reach someone, */
    private static final int MIN_CONTACTS = 2;
    /** on at least this many lines. */
    private static final int MIN_LINES = 3;

    private TrailingNotes() {}

    /** Removes, in place, the notes that close {@code main}, whose text {@code lengths} counts. */
    static void remove(Element main, TextLengths lengths) {
        List<Element> runs = wrapLooseRuns(main, lengths);
        List<Element> blocks = textBlocks(main);
        if (cutAtPaywall(main, blocks, lengths)) {
            blocks = textBlocks(main);
        }
        List<Element> doomed = new ArrayList<>();
        List<Element> prompts = new ArrayList<>();
        List<Element> lines = new ArrayList<>();
        List<Element> commentForms = new ArrayList<>();
        Element story = null;
        for (int i = blocks.size() - 1; i >= 0 && lines.size() <= MAX_LINES; i--) {
            Element unit = widen(blocks.get(i), main, lengths);
            if (unit == main
                    || holdsTaken(unit, doomed)
                    || holdsTaken(unit, prompts)
                    || holdsTaken(unit, lines)
                    || holdsTaken(unit, commentForms)) {
                story = lengths.text(unit) > MAX_NOTE ? unit : null; // a wrapper with text of its own
                break;
            }
            if (taken(unit, doomed)
                    || taken(unit, prompts)
                    || taken(unit, lines)
                    || taken(unit, commentForms)
                    || lengths.text(unit) == 0) {
                continue;
            }
            Element form = enclosingForm(unit, main, lengths);
            if (form != null) {
                (isNotice(ElementText.of(form)) ? commentForms : doomed).add(form);
                continue;
            }
            int text = lengths.text(unit);
            String s = ElementText.of(unit);
            if (text > MAX_NOTE && text <= MAX_SET_APART_NOTE && isPrompt(s) && emphasized(unit, lengths)) {
                doomed.add(unit);
                continue;
            }
            if (text > MAX_NOTE) {
                story = unit;
                break;
            }
            if (doomed.isEmpty()
                    && prompts.isEmpty()
                    && lines.isEmpty()
                    && SIGN_OFF.matcher(s.strip()).matches()) {
                doomed.add(unit);
            } else if (unit.nameIs("address") || TreeQuery.isWithin(unit, main, ADDRESS)) {
                doomed.add(unit);
            } else if (AD_LINE.matcher(s).find() && text <= MAX_LINE) {
                doomed.add(unit);
            } else if (LABEL.matcher(strip(s)).matches()
                    || CommentSections.COMMENT_HEADING.matcher(s).find()) {
                doomed.add(unit);
                doomed.addAll(lines);
                lines.clear();
            } else if (isNotice(s) || CREDIT.matcher(s).find() || isContactBox(unit, s)) {
                doomed.add(unit);
            } else if (isPrompt(s)) {
                prompts.add(unit);
            } else if (text <= MAX_LINE) {
                lines.add(unit);
            } else {
                int label = labelAbove(blocks, i, main, lengths);
                if (label < 0) {
                    story = unit;
                    break;
                }
                doomed.add(unit);
                doomed.addAll(lines);
                lines.clear();
                for (int j = i - 1; j >= label; j--) {
                    doomed.add(widen(blocks.get(j), main, lengths));
                }
                i = label;
            }
        }
        for (Element prompt : prompts) {
            if (!inRun(prompt, story) || emphasized(prompt, lengths)) {
                doomed.add(prompt);
            }
        }
        int removed = doomed.stream().mapToInt(lengths::text).sum();
        if (removed <= MAX_SHARE * lengths.text(main)) {
            doomed.forEach(lengths::remove);
        }
        commentForms.forEach(lengths::remove);
        for (Element run : runs) {
            if (run.parent() != null) {
                run.unwrap();
            }
        }
    }

    /**
     * Wraps each run of bare text and inline elements that shares its parent with blocks ("Von: Götz
     * Warnke" or "Bild: …" after the story's last paragraph, in the story's own container) in an element
     * of its own, so the walk sees the run as a block rather than its parent, which holds the story.
     */
    private static List<Element> wrapLooseRuns(Element main, TextLengths lengths) {
        List<Element> mixed = new ArrayList<>();
        TreeQuery.forEachElement(main, e -> {
            // a block and text are two nodes at least: most elements hold one or none
            if (e.childNodeSize() > 1 && !INLINE.contains(e.normalName()) && holdsBlockAndText(e, lengths)) {
                mixed.add(e);
            }
        });
        List<Element> runs = new ArrayList<>();
        for (Element e : mixed) {
            List<Node> run = new ArrayList<>();
            for (Node child : new ArrayList<>(e.childNodes())) {
                if (child instanceof TextNode || child instanceof Element c && INLINE.contains(c.normalName())) {
                    run.add(child);
                } else {
                    wrap(run, runs, lengths);
                    run = new ArrayList<>();
                }
            }
            wrap(run, runs, lengths);
        }
        return runs;
    }

    /** Whether {@code e} holds, as its children, both a block and text outside any block. */
    private static boolean holdsBlockAndText(Element e, TextLengths lengths) {
        boolean block = false;
        boolean text = false;
        for (int i = 0, children = e.childNodeSize(); i < children; i++) {
            Node child = e.childNode(i);
            if (child instanceof TextNode t) {
                text |= !t.isBlank();
            } else if (child instanceof Element c) {
                boolean inline = INLINE.contains(c.normalName());
                block |= !inline;
                text |= inline && lengths.text(c) > 0;
            }
        }
        return block && text;
    }

    /** Wraps {@code run} in an element of its own, added to {@code runs}, where it holds visible text. */
    private static void wrap(List<Node> run, List<Element> runs, TextLengths lengths) {
        boolean text = false;
        for (Node n : run) {
            text |= n instanceof TextNode t ? !t.isBlank() : lengths.text((Element) n) > 0;
        }
        if (!text) {
            return;
        }
        Element wrapper = new Element(RUN);
        run.getFirst().before(wrapper);
        for (Node n : run) {
            wrapper.appendChild(n);
        }
        lengths.wrapped(wrapper);
        runs.add(wrapper);
    }

    /**
     * Removes a paywall's note ("To view the full story, please subscribe") and its pitch after it, up to
     * the content's end, where the pitch is shorter than the story above it and at most a few paragraphs.
     * Whether it removed anything.
     */
    private static boolean cutAtPaywall(Element main, List<Element> blocks, TextLengths lengths) {
        int after = 0;
        for (int i = blocks.size() - 1; i >= 0; i--) {
            Element block = blocks.get(i);
            after += lengths.text(block);
            if (block == main || after > MAX_PAYWALL_PITCH) {
                return false;
            }
            if (lengths.text(block) <= MAX_NOTE && isPaywallNote(ElementText.of(block))) {
                boolean cut = lengths.text(main) - after > after;
                if (cut) {
                    blocks.subList(i, blocks.size()).forEach(lengths::remove);
                }
                return cut;
            }
        }
        return false;
    }

    /** Whether {@code text} says the rest of the story is behind a paywall. */
    static boolean isPaywallNote(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String piece : PAYWALL_PIECES) {
            if (lower.contains(piece)) {
                return PAYWALL.matcher(text).find();
            }
        }
        return false;
    }

    /** Whether {@code s} claims the copyright, disclaims or closes the comments, as {@link #NOTICE} tells. */
    static boolean isNotice(String s) {
        return Furniture.holdsAny(folded(s), NOTICE_PIECES_BY_FIRST)
                && NOTICE.matcher(s).find();
    }

    /** Whether {@code s} asks the reader to subscribe, support or follow; a question never does. */
    static boolean isPrompt(String s) {
        return !s.endsWith("?")
                && Furniture.holdsAny(folded(s), PROMPT_PIECES_BY_FIRST)
                && PROMPT.matcher(s).find();
    }

    /**
     * {@code s} with each character folded as a case-insensitive Unicode regex compares it, the lower case of
     * its upper case: "S" and "ſ" read "s", the Kelvin sign "k", "İ" and "ı" "i". ASCII is folded without the
     * lookup of Unicode case tables.
     */
    static String folded(String s) {
        char[] folded = new char[s.length()];
        for (int i = 0; i < folded.length; i++) {
            char c = s.charAt(i);
            folded[i] = c >= 'A' && c <= 'Z'
                    ? (char) (c + ('a' - 'A'))
                    : c < 0x80 ? c : Character.toLowerCase(Character.toUpperCase(c));
        }
        return new String(folded);
    }

    /**
     * The index of the label ("Autor", "About the author") over the bio that {@code blocks[i]} is, with at
     * most two lines (the author's name, a role) between; -1 where there is none.
     */
    private static int labelAbove(List<Element> blocks, int i, Element main, TextLengths lengths) {
        for (int j = i - 1; j >= 0 && j >= i - 1 - MAX_BIO_LINES; j--) {
            Element above = widen(blocks.get(j), main, lengths);
            if (TreeQuery.holds(above, blocks.get(i)) || lengths.text(above) > MAX_LINE) {
                return -1;
            }
            if (AUTHOR_LABEL.matcher(strip(ElementText.of(above))).matches()) {
                return j;
            }
        }
        return -1;
    }

    /** {@code s} without the punctuation around it: "- Anzeige -" is "Anzeige". */
    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && !Character.isLetterOrDigit(s.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /**
     * Whether {@code unit} lists ways to reach someone on lines of their own, as an address box does; a
     * sentence that closes a story with a phone number and an address to write to is the story's own.
     */
    private static boolean isContactBox(Element unit, String s) {
        if (!Furniture.hasDigit(s) && s.indexOf('@') < 0) {
            return false; // every match of CONTACT holds one, and most notes neither: the search tries each word
        }
        int contacts = 0;
        for (var m = CONTACT.matcher(s); m.find() && contacts < MIN_CONTACTS; ) {
            contacts++;
        }
        if (contacts < MIN_CONTACTS) {
            return false;
        }
        int lines = TreeQuery.byTag(unit, "br").size();
        for (Element child : unit.children()) {
            if (!INLINE.contains(child.normalName())) {
                lines++;
            }
        }
        return lines >= MIN_LINES;
    }

    /**
     * Whether {@code prompt} is a paragraph in the story's own run of paragraphs, where the writer closes
     * with a word to the reader ("subscribe for the next episode"), rather than a note the site sets apart.
     */
    private static boolean inRun(Element prompt, Element story) {
        return story != null && prompt.nameIs("p") && story.nameIs("p") && prompt.parent() == story.parent();
    }

    /** Whether {@code e} is set in bold or italics as a whole, as a site sets its note apart. */
    private static boolean emphasized(Element e, TextLengths lengths) {
        int emphasis = 0;
        for (Element inner : TreeQuery.select(e, EMPHASIS)) {
            if (inner != e && (inner.parent() == null || !EMPHASIS.matches(e, inner.parent()))) {
                emphasis += lengths.text(inner);
            }
        }
        return emphasis >= MIN_EMPHASIS * lengths.text(e);
    }

    /** The largest element holding {@code block} and no other text, below {@code main}. */
    private static Element widen(Element block, Element main, TextLengths lengths) {
        Element unit = block;
        int text = lengths.text(block);
        for (Element p = block.parent(); p != null && p != main && lengths.text(p) == text; p = p.parent()) {
            unit = p;
        }
        return unit;
    }

    /** Whether {@code unit} holds a block the walk has already taken. */
    private static boolean holdsTaken(Element unit, List<Element> taken) {
        for (Element e : taken) {
            if (TreeQuery.holds(unit, e)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code unit} lies in a block the walk has already taken. */
    private static boolean taken(Element unit, List<Element> taken) {
        for (Element e : taken) {
            if (TreeQuery.holds(e, unit)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The form below {@code main} that holds {@code unit}: a comment, sign-up or log-in form, whose
     * fields are gone by now but whose labels and notes are left. A form that wraps a whole page holds
     * {@code main} instead, and one that holds a paragraph of prose is a page's content.
     */
    private static Element enclosingForm(Element unit, Element main, TextLengths lengths) {
        for (Element e = unit; e != null && e != main; e = e.parent()) {
            if (e.nameIs("form")) {
                if (lengths.text(e) > MAX_FORM) {
                    return null;
                }
                for (Element p : TreeQuery.byTag(e, "p")) {
                    if (lengths.text(p) > MAX_NOTE) {
                        return null;
                    }
                }
                return e;
            }
        }
        return null;
    }

    /** The nearest block around each run of visible text under {@code main}, in page order, once each. */
    private static List<Element> textBlocks(Element main) {
        List<Element> blocks = new ArrayList<>();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode t && !t.isBlank()) {
                            Element block = t.parent() instanceof Element e ? e : main;
                            while (block != main && INLINE.contains(block.normalName()) && block.parent() != null) {
                                block = block.parent();
                            }
                            if (blocks.isEmpty() || blocks.getLast() != block) {
                                blocks.add(block);
                            }
                        }
                    }
                },
                main);
        return blocks;
    }
}
