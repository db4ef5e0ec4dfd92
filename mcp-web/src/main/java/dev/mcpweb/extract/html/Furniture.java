package dev.mcpweb.extract.html;

import dev.mcpweb.text.AsciiCase;
import dev.mcpweb.work.StopToken;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Removes the short lines of page furniture that sit inside the main content, where no class or id
 * names them: calls to action ("Contact us", "Start free trial"), skip and back links, "Advertisement"
 * labels, share rows, newsletter prompts, affiliate disclosures, bylines, image credits and copyright
 * lines. A line is removed only when it stands alone as a block (a paragraph, heading, list item,
 * or a link or button by itself) and its whole text is such a phrase, so a sentence that merely
 * mentions one ("contact us for a quote") stays.
 */
final class Furniture implements NodeFilter {
    /** Longer blocks are prose, whatever words they start with. */
    private static final int MAX_LINE = 250;

    private static final int MAX_PHRASE = 100;

    /** A whole block that is one of these phrases (after list markers and trailing marks go). */
    static final Pattern PHRASE = Pattern.compile("(?:skip to (?:the )?(?:main )?(?:content|navigation)"
            + "|back to (?:top|blog|the blog|news|all \\w+|\\w+ home)|advertisements?|sponsored(?: content)?"
            + "|(?:article|story) continues (?:below|after (?:this )?(?:ad|advertisement))(?: advertisement)?"
            + "|continue reading(?: below)?|read more|read full (?:article|story)|see more|show more|load more"
            + "|share(?: (?:this|the)(?: article| post| story| page| recipe)?)?(?: on| via)?"
            + "(?: (?:facebook|twitter|x|linkedin|email|pinterest|reddit|whatsapp|print|copy link|telegram))*"
            + "|like this|like it\\? share it|print(?: this)?(?: article| page| recipe)?|tags|related"
            + "|related (?:articles|posts|stories|content|reading|topics|searches)"
            + "|you (?:may|might) (?:also )?(?:like|enjoy)|other posts you may enjoy|what others are reading"
            + "|recommended (?:stories|posts|articles|reading)|other interesting articles"
            + "|(?:recent|popular|latest) posts|sign up(?: now| for free| today)?|subscribe(?: now| today)?"
            + "|log ?in|sign ?in|register|create (?:an|a free) account|join now(?: for free)?"
            + "|contact us(?: today| now)?|contact sales|get started(?: now| today| for free)?|get in touch"
            + "|(?:book|request|schedule|get) a (?:free )?(?:demo|call|consultation|quote)"
            + "|start (?:your )?free trial|try (?:it )?(?:for )?free|learn more|apply now|book now|shop now|buy now"
            + "|click to expand|join the conversation|add a comment|leave a (?:comment|reply)"
            + "|follow us(?: on social media)?|follow me on \\w+|home|privacy policy"
            + "|terms (?:of (?:use|service)|and conditions)|about the author|advertise with us"
            + "|pin (?:this )?for later|(?:previous|next) (?:post|article)|table of contents|contents"
            + "|in this article|on this page|jump to(?: the list)?|\\d+ comments?|\\d+ min(?:ute)?s? read"
            + "|page \\d+ of \\d+|loading(?: posts| comments)?|already have an account\\W+(?:log|sign) in"
            + "|subscribe to [\\w'’ ]{1,40}|sign up for (?:our )?newsletters?|follow (?:us|me)(?: on \\w+)?"
            + "|join (?:our|the) (?:newsletter|mailing list|\\w+ group|community)|(?:view|see) all posts by .+"
            + "|(?:check|see) (?:the )?price (?:at|on) .+|view (?:it )?on amazon.*"
            + "|(?:related|read more|read also|also read|you (?:may|might) also like|recommended)\\s?: .+"
            // calls to action of landing pages
            + "|talk to (?:our|an?) (?:\\w+ )?experts?|send us a message|let'?s connect|contact us for more details"
            + "|(?:book|request|schedule) (?:a|an|your) (?:free )?(?:\\w+ )?(?:demo|lesson|call|consultation|appointment)"
            + "(?: today| now)?|start (?:a|your) free trial|start (?:building|deploying)|download now|see plans"
            + "|see all (?:case studies|products|reviews|customer stories)|get the free e-?book"
            // shop controls
            + "|add to (?:cart|bag|basket|list|wish ?list)|(?:out of|in) stock|sold out|select (?:a )?size"
            + "|filter (?:&|and) sort|sort by|showing \\d+(?: ?[-–] ?\\d+)? of [\\d,]+ (?:results|products|items)"
            + "|based on [\\d,]+ reviews|customer reviews|write a review"
            // forum controls and member cards
            + "|ask (?:a )?question|log ?in to reply|report (?:inappropriate content|post)|watch this (?:topic|thread)"
            + "|\\d+ repl(?:y|ies) to this (?:topic|thread)|joined|join date:? .{1,20}|reaction score:? ?[\\d,]*"
            + "|(?:posts|messages|threads|likes received):? [\\d,.]+k?|open in app|next topic"
            // a question's record on Q&A sites: "Asked 8 years, 2 months ago", "Modified today", "Viewed 38k times"
            + "|(?:asked|modified|active) (?:today|yesterday|[\\w ,]{1,30} ago)|viewed [\\d,.]+k? times)");

    /**
     * The commonest of those lines in the other languages news sites write in (German, French,
     * Spanish, Portuguese, Italian, Polish): read more, back, to the top, advertisement, share, print,
     * comment, tags, related headings.
     */
    static final Pattern PHRASE_ELSEWHERE = Pattern.compile("(?U)(?:weiterlesen|mehr lesen|(?:hier )?weiter"
            + "|zurück(?: zur (?:liste|übersicht|listenansicht|startseite))?|nach oben|anzeige|werbung|kommentieren"
            + "|(?:artikel )?teilen|drucken|schlagworte|schlagwörter|stichworte|themen|mehr zum thema|mehr dazu"
            + "|(?:das )?könnte (?:sie|dich) auch interessieren|lesen sie auch|auch interessant|schon gelesen"
            + "|wird geladen|permalink|permalien|lire la suite|lire aussi|à lire aussi|partager|imprimer|publicité"
            + "|retour(?: en haut)?|mots-clés|czytaj (?:więcej|dalej|także|też)|zobacz (?:także|też|więcej)"
            + "|dowiedz się więcej|udostępnij|reklama|leer más|seguir leyendo|compartir|publicidad|etiquetas"
            + "|lee también|leia (?:mais|também)|compartilhe|publicidade|leggi (?:anche|tutto)|condividi|pubblicità"
            // recommendation, comment and shop labels standing alone
            + "|siehe auch|zum weiterlesen|weiterführende links?|externer inhalt|empfehlungen aus der redaktion"
            + "|kommentierte artikel|mehr aus der sendung|noch mehr infos für dich|(?:dieser )?artikel gefällt ihnen"
            + "|gefällt mir(?: wird geladen)?|alle \\d+ kommentare.*|ihr warenkorb ist leer|temas relacionados"
            + "|video recomendado|valora esta noticia|nos siga no|pour lire la suite|voir aussi"
            + "|audios et vidéos sur le sujet|\\d+ minut(?:y|a)? czytania"
            // more labels of link boxes, rating and share prompts
            + "|auch lesen|mehr themen|lesen sie auch die folgenden beiträge|(?:das thema )?könnte dich auch interessieren"
            + "|weitere artikel zum thema|verwandte themen(?:bereiche)?|ähnliche beiträge"
            + "|vorschau auf den nächsten artikel|quellen ausblenden|bild anzeigen|pinnen|jetzt teilen|artikel bewerten"
            + "|wie bewerten sie diesen artikel|(?:war|ist) (?:der|dieser) artikel (?:nützlich|hilfreich)"
            + "|möchten sie den artikel teilen|\\(?noch keine bewertungen\\)?|zurück zur vorherigen seite|temas"
            + "|le puede interesar|lea (?:más|también)|veja também|czytaj więcej|alle anzeigen"
            + "|zurück zu(?:m|r) [\\p{L}-]+|(?:aktualisiert|veröffentlicht) am|titelbild|beitragsbild)");

    /**
     * The words a match of {@link #PHRASE} opens with, spelt as a line's first run of letters reads them
     * ("log ?in" opens "log in" and "login"). A line opening with another word is no such phrase: most
     * short lines are ruled out without trying the two hundred alternatives. Kept in step with PHRASE:
     * PhraseFirstWordsTest checks the two agree.
     */
    static final Set<String> PHRASE_FIRST_WORDS =
            Set.of(("about active add advertise advertisement advertisements already also apply "
                            + "article ask asked back based book buy check click contact contents continue "
                            + "create customer download filter follow get home in join joined jump latest "
                            + "learn leave let lets like likes load loading log login messages modified "
                            + "next on open other out page pin popular posts previous print privacy "
                            + "reaction read recent recommended register related report request schedule "
                            + "see select send share shop show showing sign signin skip sold sort sponsored "
                            + "start story subscribe table tags talk terms threads try view viewed watch "
                            + "what write you")
                    .split(" "));

    /**
     * What a match of {@link #PHRASE} opens with when it opens with no letter: a number. A fifth of the short
     * lines open with neither a letter nor one of these ("$12", "#3", "“Quote”").
     */
    static final String PHRASE_OPENING_MARKS = "0123456789";

    /** The words a match of {@link #PHRASE_ELSEWHERE} opens with, as {@link #PHRASE_FIRST_WORDS}. */
    static final Set<String> PHRASE_ELSEWHERE_FIRST_WORDS =
            Set.of(("aktualisiert alle anzeige artikel audios auch beitragsbild bild compartilhe "
                            + "compartir condividi czytaj das dieser dowiedz drucken empfehlungen etiquetas "
                            + "externer gefällt hier ihr imprimer ist jetzt kommentieren kommentierte "
                            + "könnte le lea lee leer leggi leia lesen lire mehr mots möchten nach noch nos "
                            + "partager permalien permalink pinnen pour publicidad publicidade publicité "
                            + "pubblicità quellen reklama retour schlagworte schlagwörter schon seguir "
                            + "siehe stichworte teilen temas themen titelbild udostępnij valora veja "
                            + "verwandte veröffentlicht video voir vorschau war weiter weitere "
                            + "weiterführende weiterlesen werbung wie wird zobacz zum zurück à ähnliche")
                    .split(" "));

    /** What a match of {@link #PHRASE_ELSEWHERE} opens with when it opens with no letter, as {@link #PHRASE_OPENING_MARKS}. */
    static final String PHRASE_ELSEWHERE_OPENING_MARKS = "(0123456789";

    /**
     * A line that is a label for a link to another article and that article's headline: "VEA TAMBIÉN:
     * …", "Czytaj też: …", "Lesen Sie auch: …", "See also: …".
     */
    private static final Pattern TEASER = Pattern.compile("(?iU)(?:see also|read also|also read|vea también|lea también"
            + "|lee también|(?-i:MIRA|MIRE|Mire)|puedes ver|te puede interesar|lesen sie auch|lies auch|siehe auch|mehr zum thema"
            + "|czytaj (?:też|także|również)|zobacz (?:też|także|również)|veja também|leia também|voir aussi"
            + "|à lire aussi|lire aussi|leggi anche|lea(?: más| también)?|le puede interesar|auch lesen|czytaj więcej"
            + "|lesen sie hier|dowiedz się więcej|leia mais|(?:à )?lire également)\\s?: .+");
    /**
     * A date on its own line, with the label news sites put before it or a time after it: "Aktualisiert:
     * 11.04.2020, 10:27", "15. Mai 2019, 05:28 Uhr", "Publikacja: 04.05.2021", "Updated May 2, 2024". A
     * bare date stays: listings and member cards show one beside what it dates.
     */
    static final Pattern DATE_LINE = Pattern.compile("(?U)(?<label>(?:aktualisiert|publiziert|veröffentlicht|stand"
            + "|erstellt|updated|published|posted|last updated|publikacja|opublikowano|aktualizacja|actualizado"
            + "|publicado|mis à jour|publié|news date|ultima modifica|aggiornato il|pubblicato il)(?: (?:am|on|le|el|at))?\\s?:?\\s)?"
            + "(?:\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?\\d{2,4}|\\d{1,2}\\.? \\p{L}{3,10}\\.? \\d{4}|\\p{L}{3,10}\\.? \\d{1,2},? \\d{4}"
            + "|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4})"
            + "(?<time>,? (?:um |at |à )?\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2}[\\d.+:]*)?(?: ?uhr| ?[ap]m)?)?");

    /**
     * Boilerplate sentences (lower case), found anywhere in a block of at most {@link #MAX_LINE}
     * characters.
     */
    private static final Pattern SENTENCE =
            Pattern.compile("\\b(?:we|i) (?:may |might |could )?(?:earn|receive|get|make) (?:a |an )?(?:small )?"
                    + "(?:(?:affiliate )?commissions?|compensation|a share of)"
                    + "|\\bas an amazon associate\\b|\\bwe may be compensated\\b|\\bsupported by commissions\\b"
                    + "|\\bwhen you (?:buy|purchase|shop|click)\\b.{0,40}\\b(?:through|via) (?:\\w+ )?links?\\b"
                    + "|\\b(?:contains?|uses|may contain) affiliate links\\b|\\benthält (?:\\w+ )?affiliate[- ]links\\b"
                    + "|\\beine provision (?:erhält|erhalten|bekommt|bekommen)\\b|\\b(?:beitrag|artikel|post) enthält (?:\\w+ )?werbung\\b|\\bchosen independently by our editors\\b"
                    + "|\\b(?:sign(?:ing)? up|subscrib(?:e|ing)) (?:for|to) (?:our|the|my)\\b.{0,40}\\bnewsletters?\\b"
                    + "|\\bjoin (?:our|my) (?:\\w+ )?(?:newsletter|mailing list)\\b"
                    + "|\\b(?:delivered|sent) (?:straight |directly )?to your inbox\\b|\\bcheck your inbox\\b"
                    + "|\\bthanks? (?:you )?for subscribing\\b|^(?:©|copyright\\b|\\(c\\) ).{0,150}$"
                    + "|©\\s?\\d{4}.{0,100}\\ball rights reserved"
                    + "|sign up for free to join this conversation");
    /** Words one of which every {@link #SENTENCE} holds: most blocks are ruled out without a regex. */
    private static final List<String> SENTENCE_WORDS = List.of(
            "commission",
            "compensat",
            "amazon associate",
            "affiliate",
            "provision",
            "werbung",
            "chosen independently",
            "newsletter",
            "mailing list",
            "inbox",
            "subscribing",
            "©",
            "copyright",
            "(c) ",
            "rights reserved",
            "conversation");

    /** {@link #SENTENCE_WORDS}, all starting with a character below U+0100: "©" is U+00A9. */
    private static final Words SENTENCE_WORD_SET = new Words(SENTENCE_WORDS);

    /**
     * A byline or credit line on its own: "Written by Jane Doe", "By Jane Doe | May 2, 2025", "Photo:
     * Reuters". A bare "By Jane Doe" is left alone: listings show their entries' authors that way.
     */
    static final Pattern CREDIT = Pattern.compile("(?:(?:[Ww]ritten|[Pp]osted|[Mm]edically reviewed"
            + "|[Rr]eviewed|[Ff]act[- ]checked|[Ee]dited) by \\p{Lu}[\\p{L}.'’-]*(?: \\p{Lu}[\\p{L}.'’-]*){0,3}"
            + "(?: ?[|·•—–] .{0,80}| \\d+ min read| (?:on|at) [^\\d]{0,20}\\d.{0,30})?"
            + "|[Bb]y \\p{Lu}[\\p{L}.'’-]*(?: \\p{Lu}[\\p{L}.'’-]*){0,3}(?: ?[|·•—–] .{0,80}| \\d+ min read)"
            + "|\\(?(?:[Ii]mage|[Pp]hoto(?:graph)?|[Pp]icture|[Ii]llustration|[Ff]oto(?:s|grafie)?|[Bb]ild"
            + "|[Cc]rédit(?:o|s)?(?: photos?)?|[Zz]djęcie|[Qq]uelle)"
            + "(?:(?: credit| source| by| courtesy(?: of)?)\\s*:?|\\s*:)\\s.{1,80})");

    /** The words a match of {@link #CREDIT} opens with, lower-cased, as {@link #PHRASE_FIRST_WORDS}. */
    static final Set<String> CREDIT_FIRST_WORDS = Set.of(("written posted medically reviewed fact edited by image "
                    + "photo photograph picture illustration foto fotos fotografie bild crédit crédito "
                    + "crédits zdjęcie quelle")
            .split(" "));

    /** What a match of {@link #CREDIT} opens with when it opens with no letter, as {@link #PHRASE_OPENING_MARKS}. */
    static final String CREDIT_OPENING_MARKS = "(";

    private static final String NAME = "\\p{Lu}[\\p{L}.'’-]*(?: \\p{Lu}[\\p{L}.'’-]*){0,3}";
    private static final String DATE = "(?:\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?\\d{2,4}|\\d{1,2}\\.? \\p{L}{3,10}\\.? \\d{4}"
            + "|\\p{L}{3,10}\\.? \\d{1,2},? \\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4})";
    private static final String BY = "(?:[Bb]y|[Vv]on|VON|[Pp]ar|[Pp]or|[Dd]i|[Pp]rzez)";
    private static final String TIME = "(?:(?:um |at |à )?\\d{1,2}[:.]\\d{2}(?: ?Uhr| ?[AaPp][Mm])?)";
    private static final String SEPARATOR = "(?:,? | ?[|·•] )";

    /**
     * A byline that dates its story, in either order: "von Anja Schmoll-Trautmann am 14. Mai 2014, 15:40
     * Uhr", "By Sarah Yang Updated May 06, 2019", "4. Mai 2018 von Annette Henkel", "Freitag | 14. Juni
     * 2019 | 15:49 VON Sina Giebel IN Fashion". An author and a date in one short line of their own.
     */
    static final Pattern DATED_BYLINE = Pattern.compile("(?U)" + BY + " " + NAME
            + "(?:,? (?:am|on|le|el|il|[Uu]pdated|[Pp]ublished|[Aa]ktualisiert|[Vv]eröffentlicht)\\s?:?)? "
            + DATE + "(?:" + SEPARATOR + TIME + ")?"
            + "|(?:\\p{L}+" + SEPARATOR + ")?" + DATE + "(?:" + SEPARATOR + TIME + ")?" + SEPARATOR + BY + " " + NAME
            + "(?: (?:in|IN) .{1,30})?");

    /**
     * The words of {@link #BY} with the space after them, lower-cased: every
     * match of {@link #DATED_BYLINE} holds one, and the lower-cased line holds it then too.
     */
    private static final Words BY_WORD_SET = new Words(List.of("by ", "von ", "par ", "por ", "di ", "przez "));

    /** What stands between two labelled dates on one line. */
    private static final String DATE_SEPARATORS = " |·•,";

    private static final String LEADING_MARKS = " -–—•·*>#|←‹«<";
    private static final String ARROWS = "→⟶➔➜➝➞➡➤⇒⇨▶►▸←⟵⬅◀◄◂";
    private static final String TRAILING_MARKS = " :.!?…>»›→⟶↗↓⤵|+✕×-–";

    private static final Set<String> INLINE =
            Set.of("a", "span", "strong", "b", "em", "i", "small", "label", "button", "u", "font", "abbr", "time");

    private final Element main;
    private final TextLengths lengths;
    private final List<Element> doomed = new ArrayList<>();

    private Furniture(Element main, TextLengths lengths) {
        this.main = main;
        this.lengths = lengths;
    }

    /** Removes furniture lines from {@code main}, in place. */
    static void remove(Element main, TextLengths lengths, StopToken stop) {
        Furniture furniture = new Furniture(main, lengths);
        NodeTraversor.filter(Checked.filter(furniture, stop), main);
        furniture.doomed.forEach(lengths::remove);
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (!(node instanceof Element e) || depth == 0) {
            return FilterResult.CONTINUE;
        }
        int length = lengths.text(e);
        if (length == 0) {
            return FilterResult.SKIP_CHILDREN;
        }
        if (length > MAX_LINE || wrapsOneChild(e, length)) {
            return FilterResult.CONTINUE; // judge the innermost element holding the text
        }
        Element unit = outermostWithSameText(e, length);
        if (!standsAlone(unit) || unit.nameIs("h1")) {
            return FilterResult.CONTINUE; // part of a sentence, or the headline: not a line of its own
        }
        String line = ElementText.of(e);
        if (isFurniture(line) || isArrowLink(unit, line)) {
            doomed.add(unit);
            return FilterResult.SKIP_CHILDREN;
        }
        return FilterResult.CONTINUE;
    }

    /**
     * Whether {@code line}, the whole text of a block with white space collapsed, is a furniture line. The
     * line and its phrase are lower-cased only for the regexes that read them so: most lines are ruled out
     * before (by their first word, their ends, or holding none of a regex's words).
     */
    static boolean isFurniture(String line) {
        if (line.isEmpty() || line.length() > MAX_LINE) {
            return false;
        }
        String phrase = withoutMarks(line);
        // Every match of DATED_BYLINE and DATE_LINE holds a digit, and most lines none; the marks taken off
        // and lower-casing neither add nor remove one. Both are tried on phrases of MAX_PHRASE at most only.
        boolean digit = phrase.length() <= MAX_PHRASE && hasDigit(phrase);
        if (phrase.length() <= MAX_PHRASE) {
            String first = lowerCaseFirstWord(phrase);
            boolean english = mayOpen(phrase, first, PHRASE_FIRST_WORDS, PHRASE_OPENING_MARKS);
            boolean elsewhere = mayOpen(phrase, first, PHRASE_ELSEWHERE_FIRST_WORDS, PHRASE_ELSEWHERE_OPENING_MARKS);
            if (english || elsewhere) {
                String lowerPhrase = phrase.toLowerCase(Locale.ROOT);
                if (english && PHRASE.matcher(lowerPhrase).matches()
                        || elsewhere && PHRASE_ELSEWHERE.matcher(lowerPhrase).matches()) {
                    return true;
                }
            }
            if (mayOpen(phrase, first, CREDIT_FIRST_WORDS, CREDIT_OPENING_MARKS)
                            && CREDIT.matcher(phrase).matches()
                    || (digit
                            && BY_WORD_SET.foundIn(line)
                            && DATED_BYLINE.matcher(phrase).matches())) {
                return true;
            }
        }
        // Every match of TEASER holds ": ": most lines do not.
        if ((line.contains(": ") && TEASER.matcher(line).matches())
                || (digit && mayBeDateLine(line) && isDateLine(line.toLowerCase(Locale.ROOT)))) {
            return true;
        }
        return SENTENCE_WORD_SET.foundIn(line)
                && SENTENCE.matcher(line.toLowerCase(Locale.ROOT)).find();
    }

    /**
     * {@code firstWord(phrase.toLowerCase(Locale.ROOT))}, lower-casing only the word when it is ASCII: no
     * character that is no letter lower-cases to one, so the lower-cased phrase opens with the same run.
     */
    static String lowerCaseFirstWord(String phrase) {
        String first = firstWord(phrase);
        for (int i = 0; i < first.length(); i++) {
            if (first.charAt(i) >= 0x80) {
                return firstWord(phrase.toLowerCase(Locale.ROOT));
            }
        }
        return first.toLowerCase(Locale.ROOT);
    }

    /** The run of letters {@code line} opens with, empty when it opens with a digit or a mark. */
    static String firstWord(String line) {
        int end = 0;
        while (end < line.length() && Character.isLetter(line.charAt(end))) {
            end++;
        }
        return line.substring(0, end);
    }

    /**
     * Whether {@code phrase}, opening with the word {@code first}, may be one of the phrases opening with
     * {@code firstWords} or, when it opens with no letter, with one of the ASCII {@code openingMarks}
     * ("12 comments", "(noch keine Bewertungen)"). A phrase opening with a character beyond ASCII that is
     * no letter is left to the regex.
     */
    static boolean mayOpen(String phrase, String first, Set<String> firstWords, String openingMarks) {
        if (!first.isEmpty()) {
            return firstWords.contains(first);
        }
        return !phrase.isEmpty() && (phrase.charAt(0) >= 0x80 || openingMarks.indexOf(phrase.charAt(0)) >= 0);
    }

    /**
     * Whether {@code lower} holds one of the words of {@code wordsByFirst} (as {@link #byFirstCharacter}
     * makes it): one pass that tries, at each character, the words starting with it, rather than a search
     * of the line for each word.
     */
    static boolean holdsAny(String lower, String[][] wordsByFirst) {
        for (int i = 0, n = lower.length(); i < n; i++) {
            char c = lower.charAt(i);
            String[] words = c < wordsByFirst.length ? wordsByFirst[c] : null;
            if (words != null) {
                for (String word : words) {
                    // the second character first: it rules out most places a word's first one is found
                    if ((word.length() == 1 || i + 1 < n && lower.charAt(i + 1) == word.charAt(1))
                            && lower.startsWith(word, i)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Lower-case words of ASCII and "©", none holding a "k" or ending with an "i", to find in a line
     * ignoring case: {@link #holdsAny} of the lower-cased line without the copy.
     */
    static final class Words {
        private final String[][] byFirst;
        /** Whether a word may start at a pair of characters (folded, and each cut to its low eight bits). */
        private final boolean[] startsAtPair = new boolean[1 << 16];

        Words(List<String> words) {
            byFirst = byFirstCharacter(words);
            for (String word : words) {
                int first = word.charAt(0) << 8;
                if (word.length() == 1) {
                    Arrays.fill(startsAtPair, first, first + 0x100, true);
                } else {
                    startsAtPair[first | word.charAt(1) & 0xff] = true;
                }
            }
        }

        /**
         * Whether {@code line} holds one of the words as {@code line.toLowerCase(Locale.ROOT)} would: A to Z
         * are folded as the line is read. Beyond ASCII only "İ" (to "i" and a combining dot) and the Kelvin
         * sign (to "k") lower-case to ASCII, and neither can then be part of such a word. Each place is
         * tried only where a word's first two characters stand: one look-up at most characters.
         */
        boolean foundIn(String line) {
            int n = line.length();
            char c = n == 0 ? 0 : AsciiCase.lower(line.charAt(0));
            for (int i = 0; i < n; i++) {
                char next = i + 1 < n ? AsciiCase.lower(line.charAt(i + 1)) : 0;
                if (c < 0x100 && startsAtPair[c << 8 | next & 0xff] && startsHere(line, i, byFirst[c])) {
                    return true;
                }
                c = next;
            }
            return false;
        }

        private static boolean startsHere(String line, int at, String[] words) {
            for (String word : words) {
                if (AsciiCase.startsWith(line, at, word)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code words}, all starting with a character below U+0100, by their first character. */
    static String[][] byFirstCharacter(List<String> words) {
        String[][] byFirst = new String[256][];
        for (String word : words) {
            char first = word.charAt(0);
            String[] same = byFirst[first] == null ? new String[0] : byFirst[first];
            byFirst[first] = Arrays.copyOf(same, same.length + 1);
            byFirst[first][same.length] = word;
        }
        return byFirst;
    }

    /**
     * Whether {@code unit}, whose whole text is {@code line}, is a link and nothing more, opening or
     * closing with an arrow: "Zum Deal »", "→ Alle Termine", "Read previous issues →". Such a line points
     * the reader somewhere else; a story's own links sit in its sentences.
     */
    private boolean isArrowLink(Element unit, String line) {
        int length = lengths.text(unit);
        return length <= MAX_PHRASE
                && lengths.linkText(unit) >= length - 2 // the arrow may stand outside the link
                && lengths.linkText(unit) > 0
                && (isArrow(line, line.charAt(0)) || isArrow(line, line.charAt(line.length() - 1)));
    }

    /**
     * Whether {@code mark}, at an end of {@code line}, is an arrow. A guillemet is one only when the line
     * holds none pointing the other way: "«Geringe» Lawinengefahr" and "»Abzocke«" are quotations.
     */
    private static boolean isArrow(String line, char mark) {
        return switch (mark) {
            case '»', '›' -> line.indexOf('«') < 0 && line.indexOf('‹') < 0;
            case '«', '‹' -> line.indexOf('»') < 0 && line.indexOf('›') < 0;
            default -> ARROWS.indexOf(mark) >= 0;
        };
    }

    /**
     * Whether {@code s} holds a decimal digit, as {@code \\d} under {@code (?U)} reads one. ASCII, where
     * only 0 to 9 are digits, is answered without the lookup of the character's Unicode properties.
     */
    static boolean hasDigit(String s) {
        for (int i = 0, n = s.length(); i < n; ) {
            char ascii = s.charAt(i);
            if (ascii < 0x80) {
                if (ascii >= '0' && ascii <= '9') {
                    return true;
                }
                i++;
                continue;
            }
            int c = s.codePointAt(i);
            if (Character.isDigit(c)) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    static boolean isDateLine(String lower) {
        Matcher date = DATE_LINE.matcher(lower);
        if (date.matches()) {
            return date.group("label") != null || date.group("time") != null;
        }
        // Two labelled dates on one line: "Pubblicato il 19 Febbraio 2020 Ultima modifica 19 Febbraio 2020 12:02"
        if (!date.lookingAt() || date.group("label") == null) {
            return false;
        }
        int rest = date.end();
        while (rest < lower.length() && DATE_SEPARATORS.indexOf(lower.charAt(rest)) >= 0) {
            rest++;
        }
        return rest > date.end() && date.region(rest, lower.length()).matches() && date.group("label") != null;
    }

    /**
     * Whether {@code line}, lower-cased, opens and closes as every match of {@link #DATE_LINE} does: with a
     * letter or a digit (a label, a month or a date), and with a digit, a mark of a time (".", "+", ":") or
     * "uhr", "am", "pm". Half the short lines holding a digit do not, and are ruled out without the regex or
     * the copy. Lower-casing keeps a letter or digit one and makes none of anything else.
     */
    static boolean mayBeDateLine(String line) {
        int last = line.codePointBefore(line.length());
        return Character.isLetterOrDigit(line.codePointAt(0))
                && (Character.isDigit(last) || ".+:rmRM".indexOf(last) >= 0);
    }

    /** {@code line} without list markers before it and punctuation, arrows or icons after it. */
    private static String withoutMarks(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && LEADING_MARKS.indexOf(line.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && TRAILING_MARKS.indexOf(line.charAt(end - 1)) >= 0) {
            end--;
        }
        return line.substring(start, end);
    }

    private boolean wrapsOneChild(Element e, int length) {
        // walked by sibling links: children() copies the child list for every element asked
        for (Element child = e.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (lengths.text(child) == length) {
                return true;
            }
        }
        return false;
    }

    private Element outermostWithSameText(Element e, int length) {
        Element unit = e;
        while (unit.parent() != null && unit.parent() != main && lengths.text(unit.parent()) == length) {
            unit = unit.parent();
        }
        return unit;
    }

    /**
     * A block, or an inline element on a line of its own: no words or other inline text beside it, as
     * there are in "<strong>Learn more:</strong> <a>Networking at trade fairs</a>".
     */
    private boolean standsAlone(Element unit) {
        if (!INLINE.contains(unit.normalName())) {
            return true;
        }
        return !sharesLine(unit.previousSibling(), true) && !sharesLine(unit.nextSibling(), false);
    }

    private boolean sharesLine(Node sibling, boolean backwards) {
        int steps = 0;
        while (sibling instanceof TextNode t && t.isBlank() && steps++ < 8) {
            sibling = backwards ? sibling.previousSibling() : sibling.nextSibling();
        }
        if (sibling instanceof TextNode t) {
            // the text as written: normalising white space neither adds nor takes away a letter or a digit
            return hasWord(t.getWholeText());
        }
        return sibling instanceof Element e && INLINE.contains(e.normalName()) && lengths.text(e) > 0;
    }

    /** Whether {@code s} holds a letter or a digit. */
    static boolean hasWord(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
