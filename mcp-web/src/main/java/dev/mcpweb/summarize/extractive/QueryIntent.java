package dev.mcpweb.summarize.extractive;

import java.util.regex.Pattern;

/**
 * The kind of answer a question asks for, read from its wording (English, German, French, Spanish,
 * Portuguese, Polish), and whether a passage holds that kind of content: steps and code for "how do
 * I", figures for "how much", dates for "when", names for "who", definitions for "what is".
 */
enum QueryIntent {
    STEPS(Pattern.compile("(?iu)\\b(how (do|can|should|would|to) |how to\\b|wie (kann|muss|soll) (ich|man)\\b"
            + "|comment (faire|puis|peut)|c[oó]mo (puedo|se) )")),
    AMOUNT(
            Pattern.compile(
                    "(?iu)(\\bhow (long|much|many|fast|quickly|often|big|large|far|old|high|soon|heavy)\\b"
                            + "|\\bwhat (share|percentage|percent|proportion|time|temperature|price|cost|size|rate|capacity"
                            + "|height|length|weight|error rate)\\b|\\bwhat (do|does|did|would|will) \\p{L}+( \\p{L}+)? cost\\b|\\bwie (viel|viele|hoch|lange|gro(ß|ss)|schwer|teuer|alt|weit)\\b"
                            + "|\\bwelche(n|r|s)? (anteil|ma(ß|ss)e|gr(ö|o)(ß|ss)e|preis)|\\bcu[aá]nt[oa]s?\\b|\\bcombien\\b"
                            + "|\\bde combien\\b|\\bquel(le)? (prix|taille)\\b|\\bquanto|\\bile\\b|\\bqu[eé] (edad|porcentaje|precio)\\b)")),
    DATE(Pattern.compile(
            "(?iu)(^\\W*(when|wann|cu[aá]ndo|quand|quando|kiedy)\\b|\\b(ab|seit|bis) wann\\b|\\bsince when\\b"
                    + "|\\bwhat (year|date|day|month)\\b|\\bin (what|which) year\\b|\\bfrom when\\b)")),
    PERSON(Pattern.compile(
            "(?iu)(^\\W*(who|whom|whose|wer|wem|wen|qui|qui[eé]n|quem|kto)\\b|\\bwhich (person|company)\\b)")),
    DEFINITION(
            Pattern.compile("(?iu)^\\W*(what (is|are|does .* mean)|was (ist|sind|bedeutet)|qu'est-ce|qu[eé] es)\\b")),
    OTHER(Pattern.compile("(?!)"));

    /** Questions that ask for code, a command or a configuration; other questions prefer prose to code. */
    private static final Pattern ASKS_FOR_CODE = Pattern.compile(
            "(?i)\\b(how (do|can|should|would) (i|you|we)|how to|commands?|code|examples?|syntax|snippet|config\\w*"
                    + "|scripts?|install\\w*|run|write|implement\\w*|set ?up|usage|line|flag|option|method"
                    + "|function|declare|scaffold|mount)\\b");

    private static final Pattern FIGURE = Pattern.compile("\\d");
    private static final Pattern DATE_TEXT =
            Pattern.compile("(?iu)(\\b(1[6-9]|20)\\d\\d\\b|\\b\\d{1,2}\\.\\s?\\d{1,2}\\.|"
                    + "\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|dezember"
                    + "|janvier|février|mars|avril|juin|juillet|août|enero|febrero|marzo|abril|mayo|junio|julio|agosto"
                    + "|monday|tuesday|wednesday|thursday|friday|saturday|sunday)[a-z]*\\b)");
    private static final Pattern NAME = Pattern.compile("\\p{Lu}\\p{Ll}+\\s\\p{Lu}\\p{Ll}+");
    private static final Pattern DEFINES = Pattern.compile(
            "(?iu)\\b(is an?|is the|are|refers? to|means|stands for|ist eine?|sind|bedeutet|est une?|es una?)\\b|^[^:]{1,60}: ");

    private final Pattern question;

    QueryIntent(Pattern question) {
        this.question = question;
    }

    /** The first intent whose wording the query uses, or {@link #OTHER}. */
    static QueryIntent of(String query) {
        for (QueryIntent intent : values()) {
            if (intent.question.matcher(query).find()) {
                return intent;
            }
        }
        return OTHER;
    }

    static boolean asksForCode(String query) {
        return ASKS_FOR_CODE.matcher(query).find();
    }

    /** Whether {@code p} holds the kind of content this intent asks for. */
    boolean matches(Passage p) {
        String text = p.text();
        return switch (this) {
            case STEPS ->
                p.block().kind() == Block.Kind.CODE
                        || p.block().kind() == Block.Kind.LIST_ITEM
                        || text.indexOf('`') >= 0;
            case AMOUNT -> FIGURE.matcher(text).find();
            case DATE -> DATE_TEXT.matcher(text).find();
            case PERSON -> NAME.matcher(text).find();
            case DEFINITION -> DEFINES.matcher(text).find();
            case OTHER -> false;
        };
    }
}
