package dev.mcpweb.summarize;

import dev.mcpweb.work.StopToken;
import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The phrases that address an AI, matched on {@link FoldedText} as sequences of words with a bounded
 * number of other words between them ({@code ignore ~3 previous ~2 instructions}: "ignore", then
 * within three words "previous", then within two "instructions"). Words are looked up in a trie of
 * the rules' words, walked along the text's characters (no string made per word: a 9 MB page used to
 * allocate gigabytes of them), and each rule keeps, per step, the last word position that completes
 * it, so matching is one pass over the words whatever the rules: no backtracking, linear time. Chinese
 * and Japanese text, written without spaces, is cut into the rules' own words by longest match. A few
 * fixed markers (chat-template tokens, role lines such as "SYSTEM: ignore…") are found by plain search.
 */
final class InjectionRules {
    /** A match: folded-text offsets {@code [from, to)}. */
    record Hit(int from, int to) {}

    // Word lists, folded like page text (no accents, lower case). A trailing * matches any ending.
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry(
                    "IGNORE",
                    "ignore|ignores|ignoring|disregard*|forget|forgetting|override|overriding|bypass"
                            + "|discard|abandon|neglect|dismiss|supersede|skip|scrap|erase"),
            Map.entry(
                    "PREVIOUS",
                    "previous|previously|prior|above|earlier|preceding|former|original|initial"
                            + "|foregoing|aforementioned|system|developer|your|hidden|built-in|preset|pre-existing"),
            Map.entry(
                    "ORDERS",
                    "instruction|instructions|prompt|prompts|directive*|guideline*|guardrail*"
                            + "|programming|rules|commands|guidance|constraints|restrictions"),
            Map.entry(
                    "AI",
                    "ai|ais|ai-*|llm|llms|chatbot|chatbots|chatgpt|gpt|claude|gemini|copilot|bard|grok"
                            + "|perplexity|summarizer*|summariser*|crawler*"),
            Map.entry(
                    "READING",
                    "reading|summarizing|summarising|summarizes|processing|parsing|analyzing|analysing"
                            + "|scraping|crawling|indexing|ingesting|reviewing|evaluating|interpreting|scanning|tasked"
                            + "|asked|viewing|visiting|browsing|seeing|read|reads|process|processes|summarize|summarise"
                            + "|parse|parses|analyze|analyse|analyzes|scan|scans|crawl|crawls|index|indexes|ingest|review"),
            Map.entry(
                    "PAGE",
                    "page|text|document|article|content|site|website|webpage|post|email|message|review"
                            + "|resume|cv|paper|listing|file|pdf|data|readme|passage|section|profile|product|entry|blog"
                            + "|comment|thread|code|repository|repo|note|notes|information|material|summary"),
            Map.entry(
                    "DO",
                    "must|should|shall|please|ignore|disregard|instead|remember|make|tell|respond|reply"
                            + "|output|say|state|include|recommend|rate|describe|mention|write|do|don|never|always"
                            + "|report|classify|rank|praise|insert|append|add|print|answer|return"),
            Map.entry(
                    "SHOW",
                    "reveal|print|show|repeat|output|display|leak|disclose|share|dump|recite|tell|give"
                            + "|send|expose|return|list|spell|translate|summarize|summarise"),
            Map.entry(
                    "SECRET",
                    "prompt|prompts|instructions|instruction|message|rules|guidelines|configuration"
                            + "|secrets|secret|password|passwords|credentials|key|keys|token|tokens"),
            // German
            Map.entry(
                    "DE_IGNORE",
                    "ignorier*|vergiss|vergessen|vergesst|missacht*|verwirf|verwerfen"
                            + "|uberschreib*|uberspring*|unterlass*"),
            Map.entry(
                    "DE_PREVIOUS",
                    "bisherig*|vorherig*|vorig*|obig*|fruher*|vorangegangen*|vorangehend*"
                            + "|vorstehend*|ursprunglich*|alle|samtlich*|deine|deinen|system*"),
            Map.entry(
                    "DE_ORDERS",
                    "anweisung*|instruktion*|befehl*|regeln|vorgabe*|anordnung*|richtlinie*"
                            + "|systemprompt*|prompt*|systemanweisung*|direktive*"),
            Map.entry("DE_AI", "ki|kis|llm*|sprachmodell*|chatbot*|ki-*|ai"),
            // French
            Map.entry(
                    "FR_IGNORE",
                    "ignore|ignorez|ignorer|ignores|oublie|oubliez|oublier|neglige|negligez"
                            + "|omets|omettez|outrepasse*|contourne*|abandonne*"),
            Map.entry(
                    "FR_ORDERS",
                    "instructions|instruction|consignes|consigne|directives|regles|ordres"
                            + "|commandes|prompt|prompts|indications"),
            Map.entry(
                    "FR_PREVIOUS",
                    "precedent*|anterieur*|ci-dessus|dessus|initial*|systeme|precedemment"
                            + "|originales|originelles|recues|donnees|fournies"),
            Map.entry("FR_AI", "ia|ias|llm*|chatbot*|intelligence*|ai"),
            // Spanish
            Map.entry(
                    "ES_IGNORE",
                    "ignora|ignore|ignoren|ignorar|olvida|olvide|olviden|olvidar|omite|omita"
                            + "|omitan|descarta|descarte|omiso|desobedece|desestima"),
            Map.entry(
                    "ES_ORDERS",
                    "instrucciones|instruccion|indicaciones|ordenes|reglas|directrices|directivas"
                            + "|prompt|prompts|consignas|comandos"),
            Map.entry(
                    "ES_PREVIOUS",
                    "anteriores|previas|precedentes|arriba|iniciales|sistema|originales|recibidas"
                            + "|dadas|anteriormente|previamente"),
            Map.entry("ES_AI", "ia|ias|llm*|chatbot*|asistente*|ai"),
            // Polish
            Map.entry("PL_IGNORE", "zignoruj*|ignoruj*|zapomnij*|pomin*|olej|odrzuc*|zlekcewaz*|pomijaj*"),
            Map.entry(
                    "PL_PREVIOUS",
                    "poprzedni*|wczesniejsz*|powyzsz*|dotychczasow*|systemow*|pierwotn*"
                            + "|wszystkie|wszystkich|swoje|twoje"),
            Map.entry("PL_ORDERS", "instrukcj*|polecen*|wytyczn*|zasad*|regul*|prompt*|komend*|rozkaz*"),
            Map.entry("PL_AI", "ai|si|llm*|chatbot*|asystent*|jezykow*|sztuczn*"),
            // Russian (folded: look-alike letters read as Latin, so the rules are folded the same way)
            Map.entry("RU_IGNORE", "игнорируй*|проигнорируй*|забудь*|отбрось*|пренебреги*|отмени*|игнорировать"),
            Map.entry(
                    "RU_PREVIOUS",
                    "предыдущ*|прежн*|предшествующ*|вышеуказанн*|вышеприведенн*|изначальн*"
                            + "|системн*|свои|твои|все|всех|ранее|данные|полученные"),
            Map.entry("RU_ORDERS", "инструкц*|указани*|команд*|правил*|промпт*|установк*|распоряжени*|директив*"),
            Map.entry("RU_AI", "ии|ai|llm*|ассистент*|нейросет*|языков*|чат-бот*|бот|модель"),
            // Chinese, simplified and traditional
            Map.entry("ZH_IGNORE", "忽略|无视|無視|忽视|忽視|忘记|忘記|忘掉|不要理会|不要理會|抛开|拋開|放弃|放棄|跳过|跳過|不理会|不理會|绕过|繞過"),
            Map.entry("ZH_PREVIOUS", "之前|以前|先前|上面|上述|此前|前面|原来|原來|原有|所有|系统|系統|全部|你的|初始|一切"),
            Map.entry("ZH_ORDERS", "指令|指示|提示|提示词|提示詞|说明|說明|规则|規則|命令|要求|设定|設定|限制"),
            Map.entry("ZH_AI", "ai|人工智能|助手|语言模型|語言模型|大模型|机器人|機器人|llm|模型|智能体|智能體|chatgpt"));

    private static final List<String> RULES = List.of(
            // English: override the instructions
            "IGNORE ~3 PREVIOUS ~2 ORDERS",
            "IGNORE ~2 ORDERS ~2 above|before|previously|earlier|given|provided|received|so",
            "ignore|disregard|forget ~1 everything|anything|all ~3 above|before|previously|prior|earlier|told|said",
            "IGNORE ~1 the|all|everything ~0 above",
            "set|put|cast|throw ~0 aside|away ~2 PREVIOUS ~2 ORDERS",
            "your ~1 new|real|true|actual ~0 instructions|orders|task ~0 follow|below|begin|start|are|is",
            "AI|language ~1 model|models ~2 READING ~0 this|these ~8 DO|you|your",
            "AI ~0 instructions|instruction|directive|directives|notice|override ~6 DO",
            "instruction|instructions ~0 to|for ~1 the|any|all ~0 assistant|assistants ~8 ignore|disregard|you"
                    + "|must|always|include|recommend|respond|reply|output|say|never|do|please",
            "do|don ~0 not|t ~0 follow|obey|heed|apply ~2 PREVIOUS ~2 ORDERS",
            "stop ~0 following|obeying ~2 PREVIOUS ~2 ORDERS",
            "pay ~0 no ~0 attention ~0 to ~3 PREVIOUS ~2 ORDERS",
            "no ~0 longer ~0 follow|obey|bound ~2 PREVIOUS|by ~2 ORDERS",
            "your ~1 new|real|true|actual|updated ~1 task|goal|job|purpose|instructions|objective"
                    + "|mission|role|orders|directive ~1 is|are|will|now",
            "new|updated|revised|override ~0 system ~0 prompt|instructions|instruction|message|directive",
            "begin|start|end ~0 system|hidden|secret|ai|admin|developer ~0 instructions|prompt|message|override",
            // English: addressing an AI
            "note|message|attention|notice|memo|reminder|psa|warning|hint ~0 to|for ~3 AI ~10 you|your"
                    + "|ignore|disregard|please|must|should|summari*|reading|processing|when|do|don|include|describe"
                    + "|say|recommend|rate|tell|rank|mention|respond|reply|output|write|treat",
            "instruction|instructions|directive|directives ~0 to|for ~3 AI ~8 ignore|disregard|you|must|always"
                    + "|include|recommend|respond|reply|output|say|never|do|please",
            "AI ~2 READING ~1 this|these ~2 PAGE ~12 DO",
            "language|large ~1 model|models ~2 READING ~3 PAGE ~12 DO",
            "if|when ~0 you ~0 are|re ~0 an|a ~2 AI|assistant|model|agent|bot ~4 ignore|disregard|reading"
                    + "|summari*|processing|please|do|don|must|should|tell|say|respond|reply|include|recommend"
                    + "|answer|output|then|describe|rate|rank",
            "dear|hey|hi|hello|attention ~0 AI|assistant ~12 ignore|disregard|please|must|should|when|summari*"
                    + "|do|don|include|describe|say|recommend|rate|tell|rank|mention|respond|reply|output|write|treat",
            "as ~0 an ~0 AI ~3 you ~0 must|should|shall|will|need|are",
            "when|while|if|before ~1 summari*|summariz*|summaris*|processing|reading|analyzing ~2 this|the ~1 PAGE"
                    + " ~10 you|please|must|should|always|never|do|don|include|mention|say|state|describe|ignore"
                    + "|disregard|remember|make|recommend|output|tell|add|insert|write",
            "do|don ~0 not|t ~0 summari*|summariz*|summaris* ~2 this|the ~1 PAGE",
            "in ~0 your ~1 summary|response|answer|reply|output ~3 you ~0 must|should|shall|will|need",
            "in ~0 your ~1 summary|response|answer|reply|output ~4 always|must|never|include|mention|say|state"
                    + "|recommend|describe|insert|append|add ~4 that|this|the|following|link|url|phrase|text"
                    + "|product|our|we",
            // English: identity and persona
            "you ~0 are|re ~0 now ~2 dan|jailbroken|unrestricted|unfiltered|uncensored|evil|free|unbound|persona"
                    + "|character|named|called|roleplaying|pretending|acting|no|an|operating",
            "dan|jailbreak|jailbroken|god|unrestricted|unfiltered ~0 mode",
            "from ~0 now ~0 on ~2 you ~0 will|must|are|shall|should ~3 respond|reply|answer|act|behave|only"
                    + "|always|ignore|pretend|roleplay|obey|follow",
            "act|pretend|behave|roleplay ~2 as|like|to ~3 unrestricted|jailbroken|dan|evil|uncensored|unfiltered",
            "pretend|imagine ~1 you ~0 have ~0 no ~1 restrictions|rules|guidelines|filters|limits|instructions",
            // English: asking for the prompt or secrets
            "SHOW ~2 your|the ~2 system|initial|hidden|secret|original|developer|internal|full ~0 prompt"
                    + "|instructions|message|rules",
            "SHOW ~1 me ~1 your ~1 SECRET",
            "reveal|print|leak|disclose|dump|recite|expose ~1 your ~1 SECRET",
            "repeat|recite ~2 the|all|every ~1 words|text|everything|instructions|lines ~1 above|before",
            "respond|reply|answer ~1 only|exclusively ~0 with",
            "output|print|say|write ~1 only|exactly ~1 the|this ~0 word|phrase|text|string|sentence|token",
            // German
            "DE_IGNORE ~3 DE_PREVIOUS ~2 DE_ORDERS",
            "DE_PREVIOUS ~1 DE_ORDERS ~3 ignorier*|vergessen|vergesst|missacht*|verwerfen",
            "hinweis|nachricht|notiz|anweisung|anweisungen|achtung|botschaft ~0 an|fur ~2 DE_AI",
            "wenn|falls ~0 du ~0 ein|eine ~2 DE_AI ~0 bist",
            "gib|zeige|zeig|verrate|nenne ~2 dein*|den ~1 systemprompt*|prompt*|anweisungen",
            "ab ~0 sofort|jetzt ~2 bist ~0 du ~2 DE_AI|uneingeschrankt*|dan|frei",
            "bei ~0 der ~0 zusammenfassung ~5 du ~1 musst|sollst|solltest|must",
            // French
            "FR_IGNORE ~3 FR_ORDERS ~2 FR_PREVIOUS",
            "FR_IGNORE ~1 tout ~6 avant|dit|recu|precede|precedemment|auparavant",
            "FR_IGNORE ~3 FR_PREVIOUS ~1 FR_ORDERS",
            "ne ~0 tiens|tenez|pas ~2 compte ~2 FR_ORDERS ~2 FR_PREVIOUS",
            "intention|attention ~2 de|des|du ~3 FR_AI",
            "note|message|remarque|avis ~0 pour|a|aux ~3 FR_AI",
            "si ~0 tu|vous ~0 es|etes ~0 une|un ~2 FR_AI|modele|assistant",
            "a ~0 partir ~0 de ~0 maintenant ~2 tu|vous ~1 dois|devez|repondras|repondrez|ignoreras|ignorerez|es"
                    + "|etes",
            "revele*|affiche*|montre*|divulgue* ~2 ton|tes|votre|vos|le|les ~1 prompt|invite|instructions"
                    + "|consignes ~2 systeme|initial*|cache*|secret*",
            // Spanish
            "ES_IGNORE ~3 ES_ORDERS ~2 ES_PREVIOUS",
            "ES_IGNORE ~1 todo ~4 anterior|antes|dicho|recibido|previo|anteriormente",
            "ES_IGNORE ~3 ES_PREVIOUS ~1 ES_ORDERS",
            "nota|mensaje|aviso|atencion ~0 para|a ~3 ES_AI",
            "si ~0 eres ~0 una|un ~2 ES_AI|modelo",
            "a ~0 partir ~0 de ~0 ahora ~2 eres|responderas|debes|ignoraras|solo",
            "desde ~0 ahora ~2 eres|responderas|debes|ignoraras",
            "revela|muestra|imprime|divulga ~2 tu|tus|el|las ~1 prompt|instrucciones|mensaje ~3 sistema|iniciales"
                    + "|ocultas|secretas",
            // Polish
            "PL_IGNORE ~3 PL_PREVIOUS ~2 PL_ORDERS",
            "PL_IGNORE ~1 wszystko|o ~5 powiedziano|wczesniej|mowiono|otrzymal*|poprzednio",
            "uwaga|wiadomosc|notatka|informacja|instrukcja|instrukcje|polecenie ~0 dla ~3 PL_AI",
            "jesli|jezeli|gdy ~0 jestes ~2 PL_AI|modelem",
            "od ~0 teraz ~2 jestes|musisz|odpowiadaj|ignoruj|bedziesz",
            "ujawnij|pokaz|wypisz|podaj|wyswietl ~2 swoj*|twoj*|systemow* ~1 prompt*|instrukcj*|polecen*",
            // Russian
            "RU_IGNORE ~3 RU_PREVIOUS ~2 RU_ORDERS",
            "RU_IGNORE ~1 все|всё ~5 говорили|раньше|ранее|сказано|сказали|получил*",
            "не ~0 обращай|обращайте ~0 внимания ~0 на ~3 RU_PREVIOUS ~2 RU_ORDERS",
            "примечание|сообщение|заметка|внимание|инструкция|обращение|записка ~0 для|к ~3 RU_AI",
            "если ~0 ты|вы ~2 RU_AI",
            "покажи|раскрой|выведи|напечатай|покажите|раскройте|выведите ~2 свой|твой|ваш|системн* ~1 промпт*"
                    + "|инструкц*|подсказк*|системн*",
            "с ~0 этого ~0 момента ~2 ты ~1 должен|будешь|отвечаешь|игнорируешь",
            // Chinese
            "ZH_IGNORE ~4 ZH_PREVIOUS ~6 ZH_ORDERS",
            "如果你是|若你是|假如你是 ~2 ZH_AI",
            "致|给|給|对|對 ~2 所有|任何 ~2 ZH_AI",
            "透露|显示|顯示|输出|輸出|打印|泄露|洩露|告诉我|告訴我|公开|公開 ~3 你的 ~2 系统|系統|提示|提示词|提示詞|指令|设定|設定");

    /** Markers of a chat template or a hidden role, found anywhere. */
    private static final List<String> MARKERS = List.of(
            "<|im_start|>",
            "<|im_end|>",
            "<|system|>",
            "<|endoftext|>",
            "<|assistant|>",
            "<|user|>",
            "<|begin_of_text|>",
            "<|start_header_id|>",
            "<|eot_id|>",
            "[inst]",
            "[/inst]",
            "<<sys>>",
            "<</sys>>",
            "<start_of_turn>",
            "<end_of_turn>",
            "[system message]",
            "[system prompt]",
            "### instruction:",
            "### system:",
            "<system>",
            "</system>",
            "{{system}}");

    /** {@link #MARKERS} as an array, looked at for every "<", "[", "#" or "{" of a page. */
    private static final String[] MARKER_ARRAY = MARKERS.toArray(new String[0]);

    /** The ASCII characters a marker starts with ("<", "[", "#", "{"), and the colon of a role line. */
    private static final boolean[] MARK_STARTS = new boolean[128];

    /** Per ASCII character, the indexes in {@link #MARKER_ARRAY} of the markers that start with it. */
    private static final int[][] MARKERS_STARTING_WITH = new int[128][0];

    static {
        for (int m = 0; m < MARKER_ARRAY.length; m++) {
            char c = MARKER_ARRAY[m].charAt(0);
            MARK_STARTS[c] = true;
            MARKERS_STARTING_WITH[c] = Arrays.copyOf(MARKERS_STARTING_WITH[c], MARKERS_STARTING_WITH[c].length + 1);
            MARKERS_STARTING_WITH[c][MARKERS_STARTING_WITH[c].length - 1] = m;
        }
        MARK_STARTS[':'] = true;
    }

    /** Role names that, at the start of a line and before a colon, make a line pose as a chat message. */
    private static final List<String> ROLES = List.of(
            "system",
            "assistant",
            "developer",
            "admin",
            "administrator",
            "operator",
            "ai",
            "ai assistant",
            "system message",
            "system prompt",
            "system note",
            "system instruction",
            "system override",
            "human",
            "user");

    /** The letters roles end with. */
    private static final boolean[] ROLE_ENDS = new boolean[128];

    static {
        for (String role : ROLES) {
            ROLE_ENDS[role.charAt(role.length() - 1)] = true;
        }
    }

    /** Words after a role line's colon that make it an instruction rather than a label. */
    private static final Set<String> ROLE_FOLLOWERS = Set.of(
            "ignore",
            "disregard",
            "forget",
            "you",
            "your",
            "from",
            "override",
            "do",
            "don",
            "stop",
            "new",
            "always",
            "never",
            "output",
            "print",
            "reveal",
            "respond",
            "reply",
            "say",
            "answer",
            "tell",
            "the",
            "all",
            "important",
            "when",
            "this",
            "treat",
            "summarize",
            "summarise",
            "instead",
            "only",
            "please");

    private static final InjectionRules INSTANCE = new InjectionRules();

    /** Words scanned between two checks of the stop token: well under a millisecond. */
    private static final int CHECK_EVERY = 4096;

    /** Per rule, per step, how many other words may come before the step's word. */
    private final int[][] gaps;

    /** The rules' words, exact and as prefixes, and the Chinese and Japanese words for cutting unspaced text. */
    private final Trie words;

    private InjectionRules() {
        gaps = new int[RULES.size()][];
        words = new Trie();
        for (int r = 0; r < RULES.size(); r++) {
            List<Integer> ruleGaps = new ArrayList<>();
            int gap = 0;
            int step = 0;
            for (String part : RULES.get(r).split(" ")) {
                if (part.startsWith("~")) {
                    gap = Integer.parseInt(part.substring(1));
                    continue;
                }
                int code = r << 8 | step;
                for (String name : part.split("\\|")) {
                    for (String alternative : WORDS.getOrDefault(name, name).split("\\|")) {
                        add(alternative, code);
                    }
                }
                ruleGaps.add(step == 0 ? 0 : gap);
                gap = 0;
                step++;
            }
            gaps[r] = new int[ruleGaps.size()];
            for (int k = 0; k < ruleGaps.size(); k++) {
                gaps[r][k] = ruleGaps.get(k);
            }
        }
    }

    /** Adds a word of a rule (a trailing * matching any ending) to {@link #words}, under {@code code}. */
    private void add(String alternative, int code) {
        boolean prefix = alternative.endsWith("*");
        String word = folded(prefix ? alternative.substring(0, alternative.length() - 1) : alternative);
        if (isCjk(word.charAt(0))) {
            words.addDictionaryWord(word);
        }
        if (prefix) {
            words.addPrefix(word, code);
        } else {
            words.addExact(word, code);
        }
    }

    /** A rule word folded as page text is: words of 'a'–'z' and '-' only, most of them, fold to themselves. */
    private static String folded(String word) {
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            if (!(c >= 'a' && c <= 'z' || c == '-')) {
                return FoldedText.of(word).text();
            }
        }
        return word;
    }

    /** Up to {@code max} matches in {@code text}, in the order they end. */
    static List<Hit> find(FoldedText text, int max) {
        return find(text, max, StopToken.none());
    }

    /** As {@link #find(FoldedText, int)}, checking {@code stop} every {@value #CHECK_EVERY} words. */
    static List<Hit> find(FoldedText text, int max, StopToken stop) {
        return INSTANCE.scan(text.chars, max, stop);
    }

    /**
     * One pass over the words of {@code s}; the chat-template markers and role lines are looked for where it steps
     * over their first characters (no pass of their own), and come first among the hits, as they were found first.
     */
    private List<Hit> scan(char[] s, int max, StopToken stop) {
        Marks marks = new Marks(s);
        List<Hit> hits = new ArrayList<>();
        int[][] last = new int[gaps.length][];
        int[][] start = new int[gaps.length][];
        for (int r = 0; r < gaps.length; r++) {
            last[r] = new int[gaps[r].length];
            start[r] = new int[gaps[r].length];
            Arrays.fill(last[r], Integer.MIN_VALUE / 2);
        }
        int position = 0;
        int n = s.length;
        int i = 0;
        int[] prefixNodes = new int[words.depth() + 1];
        while (i < n && hits.size() < max) {
            char c = s[i];
            if (c < 128 ? !isAsciiWordChar(c) : !Character.isLetterOrDigit(c)) {
                if (c < 128 && MARK_STARTS[c]) {
                    marks.at(i);
                }
                i++;
                continue;
            }
            if (position % CHECK_EVERY == 0) {
                stop.check();
            }
            // The word's node, and on the way the nodes of the rule prefixes it starts with, shortest first.
            int node = Trie.ROOT;
            int prefixCount = 0;
            int end;
            if (isCjk(c)) {
                end = cjkWordEnd(s, i);
                for (int k = i; k < end && node >= 0; k++) {
                    node = words.child(node, s[k]);
                    if (node >= 0 && words.prefixCodes(node) != null) {
                        prefixNodes[prefixCount++] = node;
                    }
                }
            } else {
                // latinWordEnd and the walk in one loop: most words leave the trie at once and are only skipped
                end = i;
                while (end < n) {
                    char w = s[end];
                    if (w < 128 ? !isAsciiWordChar(w) && !(w == '-' && isJoiner(s, i, end)) : !isLatinWordChar(w)) {
                        break;
                    }
                    if (node >= 0) {
                        node = w < 128 ? words.asciiChild(node, w) : words.child(node, w);
                        if (node >= 0 && words.prefixCodes(node) != null) {
                            prefixNodes[prefixCount++] = node;
                        }
                    }
                    end++;
                }
            }
            if (node >= 0 && words.exactCodes(node) != null) {
                match(words.exactCodes(node), position, i, end, last, start, hits);
            }
            for (int p = 0; p < prefixCount; p++) {
                match(words.prefixCodes(prefixNodes[p]), position, i, end, last, start, hits);
            }
            position++;
            i = end;
        }
        for (; i < n; i++) { // after the last word looked at
            if (s[i] < 128 && MARK_STARTS[s[i]]) {
                marks.at(i);
            }
        }
        return marks.before(hits, max);
    }

    private void match(int[] codes, int position, int from, int to, int[][] last, int[][] start, List<Hit> hits) {
        if (codes == null) {
            return;
        }
        for (int code : codes) {
            int r = code >>> 8;
            int step = code & 0xff;
            int[] l = last[r];
            if (step == 0) {
                l[0] = position;
                start[r][0] = from;
            } else if (l[step - 1] >= 0 && position - l[step - 1] - 1 <= gaps[r][step] && l[step - 1] < position) {
                l[step] = position;
                start[r][step] = start[r][step - 1];
            } else {
                continue;
            }
            if (step == l.length - 1) {
                hits.add(new Hit(start[r][step], to));
                Arrays.fill(l, Integer.MIN_VALUE / 2);
            }
        }
    }

    /** The chat-template markers and role lines of a text, looked for at the characters they start at. */
    private static final class Marks {
        private final char[] s;
        /** Per marker of {@link #MARKER_ARRAY}, where it first is, or -1. */
        private final int[] first = new int[MARKER_ARRAY.length];

        private final List<Hit> roleLines = new ArrayList<>();

        Marks(char[] s) {
            this.s = s;
            Arrays.fill(first, -1);
        }

        /** Notes the marker or role line (a colon) at {@code k}, a character of {@link #MARK_STARTS}, if one is there. */
        void at(int k) {
            char c = s[k];
            if (c == ':') {
                roleLine(k);
                return;
            }
            for (int m : MARKERS_STARTING_WITH[c]) {
                if (first[m] < 0 && startsWith(s, MARKER_ARRAY[m], k)) {
                    first[m] = k;
                }
            }
        }

        /** Notes the line of {@code colon} when it poses as a chat message: "SYSTEM: ignore the page". */
        private void roleLine(int colon) {
            if (!endsWithRole(s, colon)) {
                return; // most colons follow a label ("Price:"): no need to look for the line's start
            }
            int lineStart = colon;
            while (lineStart > 0 && colon - lineStart <= 40 && s[lineStart - 1] != '\n') {
                lineStart--;
            }
            if (!isRole(s, lineStart, colon)) {
                return;
            }
            int w = colon + 1;
            while (w < s.length && !isWordChar(s[w]) && s[w] != '\n') {
                w++;
            }
            if (w == s.length) {
                return; // "System:" at the very end: no word follows
            }
            int end = latinWordEnd(s, w);
            if (end > w && ROLE_FOLLOWERS.contains(new String(s, w, end - w))) {
                int lineEnd = indexOf(s, '\n', colon);
                roleLines.add(new Hit(lineStart, lineEnd < 0 ? s.length : lineEnd));
            }
        }

        /**
         * The markers (in the order of {@link #MARKERS}), the role lines and {@code words}, the hits of the word pass,
         * up to {@code max}, as when they were looked for in that order, each pass stopping at {@code max}: a word
         * that completes several rules gives all its hits (they end where it does).
         */
        List<Hit> before(List<Hit> words, int max) {
            List<Hit> hits = new ArrayList<>();
            for (int m = 0; m < first.length; m++) {
                if (first[m] >= 0 && hits.size() < max) {
                    hits.add(new Hit(first[m], first[m] + MARKER_ARRAY[m].length()));
                }
            }
            for (int k = 0; k < roleLines.size() && hits.size() < max; k++) {
                hits.add(roleLines.get(k));
            }
            for (int k = 0; k < words.size(); k++) {
                boolean sameWord =
                        k > 0 && words.get(k).to() == words.get(k - 1).to();
                if (hits.size() >= max && !sameWord) {
                    break;
                }
                hits.add(words.get(k));
            }
            return hits;
        }
    }

    /**
     * Whether a role ends where the text before {@code colon} does, its closing decoration ({@code " *_])"})
     * aside: what {@link #isRole} needs whatever the line holds before the role, since a role ends in a letter.
     */
    private static boolean endsWithRole(char[] s, int colon) {
        int to = colon;
        while (to > 0 && " *_])".indexOf(s[to - 1]) >= 0) {
            to--;
        }
        if (to == 0 || s[to - 1] >= 128 || !ROLE_ENDS[s[to - 1]]) {
            return false; // as after most colons, "https:" or "Price:"
        }
        for (String role : ROLES) {
            if (role.length() <= to && startsWith(s, role, to - role.length())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text before a colon is a role, Markdown decoration aside: "## **System**" is "system". */
    private static boolean isRole(char[] s, int from, int to) {
        while (from < to && " #*>_[(-".indexOf(s[from]) >= 0) {
            from++;
        }
        while (to > from && " *_])".indexOf(s[to - 1]) >= 0) {
            to--;
        }
        for (String role : ROLES) {
            if (role.length() == to - from && startsWith(s, role, from)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code word} is in {@code s} at {@code at}, as {@link String#startsWith(String, int)} says. */
    private static boolean startsWith(char[] s, String word, int at) {
        if (at < 0 || at > s.length - word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (s[at + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(char[] s, char c, int from) {
        for (int k = from; k < s.length; k++) {
            if (s[k] == c) {
                return k;
            }
        }
        return -1;
    }

    private static boolean isWordChar(char c) {
        return c < 128 ? isAsciiWordChar(c) : Character.isLetterOrDigit(c);
    }

    /** What {@link Character#isLetterOrDigit} says of the ASCII characters, most of a page. */
    private static final boolean[] ASCII_WORD_CHARS = new boolean[128];

    static {
        for (char c = 0; c < ASCII_WORD_CHARS.length; c++) {
            ASCII_WORD_CHARS[c] = Character.isLetterOrDigit(c);
        }
    }

    /** Whether ASCII {@code c} is a letter or digit: a table, so the test is small enough for C1 to inline. */
    private static boolean isAsciiWordChar(char c) {
        return ASCII_WORD_CHARS[c];
    }

    private static boolean isLatinWordChar(char c) {
        return isWordChar(c) && !isCjk(c);
    }

    /** Whether the character at {@code k} of the word starting at {@code i} is a hyphen inside it. */
    private static boolean isJoiner(char[] s, int i, int k) {
        // "ki-assistent", "ci-dessus", "built-in" are one word
        return s[k] == '-' && k > i && k + 1 < s.length && Character.isLetterOrDigit(s[k + 1]);
    }

    private static int latinWordEnd(char[] s, int i) {
        int k = i;
        while (k < s.length && (isLatinWordChar(s[k]) || isJoiner(s, i, k))) {
            k++;
        }
        return Math.max(k, i + 1);
    }

    /** The end of the longest rule word at {@code i} (two characters or more), or of the one character there. */
    private int cjkWordEnd(char[] s, int i) {
        int end = i + 1;
        int node = Trie.ROOT;
        for (int k = i; k < s.length && node >= 0; k++) {
            node = words.child(node, s[k]);
            if (node >= 0 && k > i && words.isDictionaryWord(node)) {
                end = k + 1;
            }
        }
        return end;
    }

    private static boolean isCjk(char c) {
        if (c < '\u2e80') {
            return false; // no Han, Hiragana or Katakana below the CJK radicals: skips the script lookup
        }
        UnicodeScript script = Character.UnicodeScript.of(c);
        return script == UnicodeScript.HAN || script == UnicodeScript.HIRAGANA || script == UnicodeScript.KATAKANA;
    }

    /**
     * A character trie of the rules' words: per node the rule codes of the word that ends there, those of
     * the prefix (a word with a trailing *) that ends there, and whether a Chinese or Japanese word ends
     * there. A child along 'a'–'z' or '-', the only ASCII characters of the rules' words, is found in a table
     * of such columns per node; the others are kept sorted by character and found by binary search. Built
     * word by word straight into these arrays (no map per node): it is built once, at start-up, interpreted.
     */
    private static final class Trie {
        static final int ROOT = 0;

        /** The columns of the ASCII table: 'a'–'z', '-', and one always empty, for the ASCII characters no word has. */
        private static final int COLUMNS = 28;

        private static final int NO_WORD_COLUMN = COLUMNS - 1;

        /** The column of each ASCII character. */
        private static final byte[] ASCII_COLUMN = new byte[128];

        static {
            Arrays.fill(ASCII_COLUMN, (byte) NO_WORD_COLUMN);
            for (char c = 'a'; c <= 'z'; c++) {
                ASCII_COLUMN[c] = (byte) (c - 'a');
            }
            ASCII_COLUMN['-'] = (byte) (NO_WORD_COLUMN - 1);
        }

        private int size = 1;
        /** Per node, {@value #COLUMNS} columns: the child along that ASCII character plus one, 0 for none. */
        private int[] ascii = new int[256 * COLUMNS];
        /** Per node, its other children's characters, sorted (null for none), and the children, in that order. */
        private char[][] keys = new char[256][];

        private int[][] children = new int[256][];
        private int[][] exact = new int[256][];
        private int[][] prefix = new int[256][];
        private boolean[] dictionary = new boolean[256];
        private int depth;

        /** The child of {@code node} along ASCII {@code c}; -1 when no word goes on that way. Small, so C1 inlines it. */
        int asciiChild(int node, char c) {
            return ascii[node * COLUMNS + ASCII_COLUMN[c]] - 1;
        }

        /** The child of {@code node} along {@code c}; -1 when no word goes on that way. */
        int child(int node, char c) {
            if (c < 128) {
                return asciiChild(node, c);
            }
            char[] k = keys[node];
            int at = k == null ? -1 : Arrays.binarySearch(k, c);
            return at < 0 ? -1 : children[node][at];
        }

        /** Codes of the word ending at {@code node}, or null. */
        int[] exactCodes(int node) {
            return exact[node];
        }

        /** Codes of the prefix ending at {@code node}, or null. */
        int[] prefixCodes(int node) {
            return prefix[node];
        }

        boolean isDictionaryWord(int node) {
            return dictionary[node];
        }

        /** Characters of the longest word. */
        int depth() {
            return depth;
        }

        void addExact(String word, int code) {
            int node = node(word);
            exact[node] = withCode(exact[node], code);
        }

        void addPrefix(String word, int code) {
            int node = node(word);
            prefix[node] = withCode(prefix[node], code);
        }

        void addDictionaryWord(String word) {
            dictionary[node(word)] = true;
        }

        /**
         * {@code codes} and {@code code}, sorted by step, highest first, so one word never completes two steps of a
         * rule at once; equal steps in the order added, once each.
         */
        private static int[] withCode(int[] codes, int code) {
            if (codes == null) {
                return new int[] {code};
            }
            for (int c : codes) {
                if (c == code) {
                    return codes;
                }
            }
            int at = codes.length;
            while (at > 0 && (codes[at - 1] & 0xff) < (code & 0xff)) {
                at--;
            }
            return inserted(codes, at, code);
        }

        /** The node of {@code word}, made with the nodes on its way where they are new. */
        private int node(String word) {
            int at = ROOT;
            for (int k = 0; k < word.length(); k++) {
                char c = word.charAt(k);
                int next = child(at, c);
                at = next >= 0 ? next : newChild(at, c, word);
            }
            depth = Math.max(depth, word.length());
            return at;
        }

        private int newChild(int parent, char c, String word) {
            if (c < 128 && ASCII_COLUMN[c] == NO_WORD_COLUMN) {
                throw new IllegalArgumentException("a rule word with an ASCII character not a-z or '-': " + word);
            }
            if (size == dictionary.length) {
                int capacity = size * 2;
                ascii = Arrays.copyOf(ascii, capacity * COLUMNS);
                keys = Arrays.copyOf(keys, capacity);
                children = Arrays.copyOf(children, capacity);
                exact = Arrays.copyOf(exact, capacity);
                prefix = Arrays.copyOf(prefix, capacity);
                dictionary = Arrays.copyOf(dictionary, capacity);
            }
            int child = size++;
            if (c < 128) {
                ascii[parent * COLUMNS + ASCII_COLUMN[c]] = child + 1;
                return child;
            }
            char[] k = keys[parent] == null ? new char[0] : keys[parent];
            int at = -Arrays.binarySearch(k, c) - 1; // c is not there yet: where it goes
            char[] newKeys = new char[k.length + 1];
            System.arraycopy(k, 0, newKeys, 0, at);
            newKeys[at] = c;
            System.arraycopy(k, at, newKeys, at + 1, k.length - at);
            keys[parent] = newKeys;
            children[parent] = inserted(children[parent] == null ? new int[0] : children[parent], at, child);
            return child;
        }

        /** {@code values} with {@code value} inserted at {@code at}. */
        private static int[] inserted(int[] values, int at, int value) {
            int[] out = new int[values.length + 1];
            System.arraycopy(values, 0, out, 0, at);
            out[at] = value;
            System.arraycopy(values, at, out, at + 1, values.length - at);
            return out;
        }
    }
}
