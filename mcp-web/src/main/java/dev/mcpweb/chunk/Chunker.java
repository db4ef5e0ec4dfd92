package dev.mcpweb.chunk;

import dev.mcpweb.config.ChunkerConfig;
import dev.mcpweb.document.Document;
import dev.mcpweb.text.Sentences;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * Splits documents into chunks of at most a token budget. The default {@code hierarchical} strategy
 * cuts a document's Markdown into sections by heading, then paragraphs, then sentences, and falls
 * back to token windows only for a sentence that alone is over budget; code blocks and tables stay
 * whole unless one alone is over budget (then they are split at line or row boundaries). Small pieces
 * are packed together, a section that fits a chunk is not started near the end of a full one, and a
 * heading never ends a chunk. Each chunk may begin with up to {@code chunkOverlap} tokens taken from
 * the end of the previous one. {@code fixed} cuts plain token windows; {@code adaptive} is
 * hierarchical with a smaller size for code-heavy or token-dense documents, whose every token carries
 * more.
 *
 * <p>Tokens are counted by the function given (the model's tokenizer): each atom once, each chunk
 * once more to check the budget exactly. A piece longer than {@value #MAX_CHARS_PER_TOKEN} characters
 * per token of the budget is split before it is counted, never counted whole as well: the tokenizer
 * (byte-pair merging) is slower than linear on one long pre-token, such as a run of punctuation, so it
 * only ever sees pieces of bounded length and chunking stays linear in the document.
 */
public final class Chunker {
    private static final int SEPARATOR_TOKENS = 1;
    /** Prose runs about 4 characters a token; only a run of one character or symbol gets near 16. */
    static final int MAX_CHARS_PER_TOKEN = 16;

    private final ChunkerConfig config;
    private final ToIntFunction<String> tokens;

    public Chunker(ChunkerConfig config, ToIntFunction<String> tokens) {
        this.config = config;
        this.tokens = tokens;
    }

    /**
     * The chunk size for a model whose largest chunk is {@code modelMax} tokens: the configured size if
     * set, else {@code preferred}, never above {@code modelMax}.
     */
    public int chunkSize(int modelMax, int preferred) {
        return Math.min(config.chunkSize() > 0 ? config.chunkSize() : preferred, modelMax);
    }

    /**
     * Chunks {@code documents} numbered from 1 in the order given, each chunk at most {@code maxTokens}
     * tokens; chunk indexes run across all documents.
     */
    public List<Chunk> chunk(List<Document> documents, int maxTokens) {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("a chunk must be allowed at least one token, got " + maxTokens);
        }
        List<Chunk> out = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            out.addAll(chunk(documents.get(i).markdown(), i + 1, out.size(), maxTokens));
        }
        return List.copyOf(out);
    }

    /** Chunks one document's Markdown as source {@code source}, numbering chunks from {@code firstIndex}. */
    List<Chunk> chunk(String markdown, int source, int firstIndex, int maxTokens) {
        return new Run(markdown, source, firstIndex, maxTokens).chunks();
    }

    /** A piece that is never split further: a block, sentence, line or token window. */
    private record Atom(int start, int end, int tokens, int level, List<String> path) {
        boolean heading() {
            return level > 0;
        }
    }

    /** The state of chunking one document. */
    private final class Run {
        private final String md;
        private final int source;
        private final int firstIndex;
        private final int budget;
        private final int overlap;
        private final List<Blocks.Block> blocks;
        private int content;

        Run(String md, int source, int firstIndex, int budget) {
            this.md = md;
            this.source = source;
            this.firstIndex = firstIndex;
            this.budget = budget;
            this.overlap = Math.min(config.chunkOverlap(), budget / 4);
            this.blocks = Blocks.parse(md);
            this.content = budget - overlap;
        }

        List<Chunk> chunks() {
            List<Atom> atoms = switch (config.strategy().toLowerCase(Locale.ROOT)) {
                case "fixed" -> fixedAtoms();
                case "adaptive" -> {
                    List<Atom> all = structuredAtoms();
                    content = Math.max(Math.min(content, 16), (int) (content * adaptiveFactor(all)));
                    yield needsResplit(all) ? structuredAtoms() : all;
                }
                default -> structuredAtoms();
            };
            return pack(atoms);
        }

        // ---- atoms ----

        private List<Atom> structuredAtoms() {
            List<Atom> atoms = new ArrayList<>(blocks.size());
            List<Blocks.Block> headings = new ArrayList<>();
            List<String> path = List.of();
            for (Blocks.Block b : blocks) {
                if (b.kind() == Blocks.Kind.HEADING) {
                    while (!headings.isEmpty() && headings.getLast().level() >= b.level()) {
                        headings.removeLast();
                    }
                    headings.add(b);
                    path = headings.stream().map(Blocks.Block::heading).toList();
                }
                int level = b.kind() == Blocks.Kind.HEADING ? b.level() : 0;
                if (countable(b.start(), b.end())) {
                    int t = count(b.start(), b.end());
                    if (t <= content) {
                        atoms.add(new Atom(b.start(), b.end(), t, level, path));
                        continue;
                    }
                }
                switch (b.kind()) {
                    case CODE, TABLE -> lines(b.start(), b.end(), path, atoms);
                    default -> sentences(b.start(), b.end(), path, atoms);
                }
            }
            return atoms;
        }

        private List<Atom> fixedAtoms() {
            List<Atom> atoms = new ArrayList<>();
            windows(0, md.length(), List.of(), atoms);
            // The heading path at each window's start, walking the blocks once (atoms are in order).
            List<Atom> withPaths = new ArrayList<>(atoms.size());
            List<Blocks.Block> headings = new ArrayList<>();
            List<String> path = List.of();
            int next = 0;
            for (Atom a : atoms) {
                boolean changed = false;
                while (next < blocks.size() && blocks.get(next).start() <= a.start()) {
                    Blocks.Block b = blocks.get(next++);
                    if (b.kind() == Blocks.Kind.HEADING) {
                        while (!headings.isEmpty() && headings.getLast().level() >= b.level()) {
                            headings.removeLast();
                        }
                        headings.add(b);
                        changed = true;
                    }
                }
                if (changed) {
                    path = headings.stream().map(Blocks.Block::heading).toList();
                }
                withPaths.add(new Atom(a.start(), a.end(), a.tokens(), 0, path));
            }
            return withPaths;
        }

        /** Code-heavy or token-dense documents get up to half the size. */
        private double adaptiveFactor(List<Atom> atoms) {
            long chars = 0;
            long codeChars = 0;
            long toks = 0;
            for (Blocks.Block b : blocks) {
                if (b.kind() == Blocks.Kind.CODE || b.kind() == Blocks.Kind.TABLE) {
                    codeChars += b.end() - b.start();
                }
                chars += b.end() - b.start();
            }
            for (Atom a : atoms) {
                toks += a.tokens();
            }
            if (chars == 0) {
                return 1.0;
            }
            double codeShare = (double) codeChars / chars;
            double tokensPerChar = (double) toks / chars;
            // English prose runs about 0.22-0.25 tokens per character; denser text carries more per token.
            double density = Math.clamp((tokensPerChar - 0.25) / 0.25, 0.0, 1.0);
            return Math.clamp(1.0 - 0.5 * Math.max(codeShare, density), 0.5, 1.0);
        }

        private boolean needsResplit(List<Atom> atoms) {
            for (Atom a : atoms) {
                if (a.tokens() > content) {
                    return true;
                }
            }
            return false;
        }

        private void sentences(int start, int end, List<String> path, List<Atom> out) {
            int[] starts = Sentences.starts(md, start, end);
            for (int k = 0; k < starts.length; k++) {
                int s = skipSpace(starts[k], end);
                int e = trimEnd(s, k + 1 < starts.length ? starts[k + 1] : end);
                if (s < e) {
                    addFitting(s, e, path, out);
                }
            }
        }

        private void lines(int start, int end, List<String> path, List<Atom> out) {
            int pos = start;
            while (pos < end) {
                int lineEnd = md.indexOf('\n', pos);
                if (lineEnd < 0 || lineEnd > end) {
                    lineEnd = end;
                }
                int e = trimEnd(pos, lineEnd);
                if (pos < e) {
                    addFitting(pos, e, path, out);
                }
                pos = lineEnd + 1;
            }
        }

        private void addFitting(int start, int end, List<String> path, List<Atom> out) {
            if (countable(start, end)) {
                int t = count(start, end);
                if (t <= content) {
                    out.add(new Atom(start, end, t, 0, path));
                    return;
                }
            }
            windows(start, end, path, out);
        }

        /** Whether [start, end) is short enough to count whole; a longer piece is split first (see the class). */
        private boolean countable(int start, int end) {
            return end - start <= maxCountedChars();
        }

        private int maxCountedChars() {
            return (int) Math.min(Integer.MAX_VALUE, (long) content * MAX_CHARS_PER_TOKEN);
        }

        /** Cuts [start, end) into windows of at most {@code content} tokens, at whitespace where there is any. */
        private void windows(int start, int end, List<String> path, List<Atom> out) {
            int pos = skipSpace(start, end);
            double charsPerToken = 4.0;
            while (pos < end) {
                int len = Math.clamp((long) (content * charsPerToken * 0.95), 1, maxCountedChars());
                int e = alignBack(pos, Math.min(end, pos + len));
                int t = count(pos, e);
                while (t > content && e - pos > 1) {
                    int shorter = pos + Math.max(1, (int) ((e - pos) * (double) content / t * 0.9));
                    e = alignBack(pos, Math.min(e - 1, shorter));
                    t = count(pos, e);
                }
                if (t > content) { // one character over budget: cannot happen with a sane tokenizer
                    throw new IllegalStateException("a single character counts " + t + " tokens");
                }
                int trimmed = trimEnd(pos, e);
                if (trimmed > pos) {
                    out.add(new Atom(pos, trimmed, trimmed == e ? t : count(pos, trimmed), 0, path));
                    e = trimmed;
                    charsPerToken = Math.max(0.5, (double) (e - pos) / Math.max(1, t));
                } else {
                    e = pos + 1;
                }
                pos = skipSpace(e, end);
            }
        }

        /** Moves {@code e} back to just after whitespace if there is whitespace in the second half of [pos, e). */
        private int alignBack(int pos, int e) {
            if (e >= md.length() || Character.isWhitespace(md.charAt(e))) {
                return e;
            }
            int min = pos + (e - pos) / 2;
            for (int i = e - 1; i > min; i--) {
                if (Character.isWhitespace(md.charAt(i))) {
                    return i + 1;
                }
            }
            if (Character.isHighSurrogate(md.charAt(e - 1)) && e - pos > 1) {
                return e - 1;
            }
            return e;
        }

        // ---- packing ----

        private List<Chunk> pack(List<Atom> atoms) {
            int n = atoms.size();
            long[] prefix = new long[n + 1];
            for (int k = 0; k < n; k++) {
                prefix[k + 1] = prefix[k] + atoms.get(k).tokens() + SEPARATOR_TOKENS;
            }
            int[] sectionEnd = sectionEnds(atoms);
            List<Chunk> out = new ArrayList<>();
            int prevStart = -1;
            int prevEnd = -1;
            int prevTokens = 0;
            int i = 0;
            while (i < n) {
                int j = i + 1;
                long sum = atoms.get(i).tokens();
                while (j < n) {
                    Atom a = atoms.get(j);
                    long add = a.tokens() + SEPARATOR_TOKENS;
                    if (sum + add > content) {
                        break;
                    }
                    if (a.heading() && sum >= content / 2) {
                        long section = prefix[sectionEnd[j]] - prefix[j];
                        if (section <= content && sum + section > content) {
                            break;
                        }
                    }
                    sum += add;
                    j++;
                }
                if (j < n) { // a heading never ends a chunk
                    int k = j;
                    while (k - 1 > i && atoms.get(k - 1).heading()) {
                        k--;
                    }
                    j = k;
                }
                int o = prevEnd >= 0 ? overlap : 0;
                while (true) {
                    int start = o > 0 ? overlapStart(prevStart, prevEnd, prevTokens, o) : prevEnd;
                    if (start >= prevEnd) {
                        start = atoms.get(i).start();
                    }
                    int end = atoms.get(j - 1).end();
                    String text = md.substring(start, end);
                    int t = tokens.applyAsInt(text);
                    if (t <= budget) {
                        Atom first = atoms.get(i);
                        out.add(new Chunk(firstIndex + out.size(), source, first.path(), text, start, end, t));
                        prevStart = first.start();
                        prevEnd = end;
                        prevTokens = t;
                        break;
                    }
                    if (o > 0) {
                        o = Math.max(0, o - (t - budget) - 1);
                    } else if (j - i > 1) {
                        j--;
                    } else {
                        throw new IllegalStateException(
                                "an atom of " + atoms.get(i).tokens() + " tokens counts " + t);
                    }
                }
                i = j;
            }
            return out;
        }

        /** For each heading atom, the index of the first atom after its section; 0 for the others. */
        private int[] sectionEnds(List<Atom> atoms) {
            int n = atoms.size();
            int[] end = new int[n];
            List<Integer> open = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                int level = atoms.get(k).level();
                if (level == 0) {
                    continue;
                }
                while (!open.isEmpty() && atoms.get(open.getLast()).level() >= level) {
                    end[open.removeLast()] = k;
                }
                open.add(k);
            }
            for (int k : open) {
                end[k] = n;
            }
            return end;
        }

        /** Where the overlap from the end of the previous chunk begins: a word start, at most {@code o} tokens back. */
        private int overlapStart(int prevStart, int prevEnd, int prevTokens, int o) {
            double charsPerToken = (double) (prevEnd - prevStart) / Math.max(1, prevTokens);
            int p = Math.max(prevStart, prevEnd - (int) (o * charsPerToken));
            for (int attempt = 0; attempt < 8; attempt++) {
                p = wordStart(p, prevEnd);
                if (p >= prevEnd) {
                    return prevEnd;
                }
                int t = count(p, prevEnd);
                if (t <= o) {
                    return p;
                }
                p += Math.max(1, (int) ((t - o) * charsPerToken));
            }
            return prevEnd;
        }

        private int wordStart(int p, int limit) {
            while (p < limit && p > 0 && !Character.isWhitespace(md.charAt(p - 1))) {
                p++;
            }
            return skipSpace(p, limit);
        }

        private int skipSpace(int p, int limit) {
            while (p < limit && Character.isWhitespace(md.charAt(p))) {
                p++;
            }
            return p;
        }

        private int trimEnd(int start, int e) {
            while (e > start && Character.isWhitespace(md.charAt(e - 1))) {
                e--;
            }
            return e;
        }

        private int count(int start, int end) {
            return tokens.applyAsInt(md.substring(start, end));
        }
    }
}
