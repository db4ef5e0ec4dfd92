package dev.mcpweb.extract.html;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * The readers' comments taken out of an article page, one by one with author and date, to follow the
 * article under a "Comments" heading when comments are asked for, wherever the page's layout put them.
 */
final class ReaderComments {
    /** A reader's comment: who wrote it and when, as the page writes them (either may be empty), and what. */
    record Comment(String author, String date, Element body) {}

    static final ReaderComments NONE = new ReaderComments(List.of());

    /** "Martha on 3 May 2024 at 10:12 said:", the header older WordPress themes write. */
    private static final Pattern SAID = Pattern.compile("(?iU)^(.{1,60}?)\\s+(?:on|am|le|el|il|dnia)\\s+(.{4,60}?)"
            + "\\s*(?:said|says|wrote|schrieb|sagte|meinte|a écrit|a dit|escribió|dijo|napisał)\\s*:?$");

    private static final Pattern SAYS =
            Pattern.compile("(?iU)\\s*(?:says|said|wrote|schreibt|schrieb|dit|dice)\\s*:?$");
    private static final Set<String> NOISE = Set.of(
            "script", "style", "form", "button", "input", "textarea", "select", "svg", "img", "noscript", "iframe");
    private static final int MAX_AUTHOR = 60;
    private static final int MAX_DATE = 80;
    /** A section whose comments cannot be told apart still counts when it holds this much text. */
    private static final int MIN_SECTION_TEXT = 100;

    private final List<Comment> comments;

    private ReaderComments(List<Comment> comments) {
        this.comments = comments;
    }

    /** Reads the comments in {@code sections}, taken out of the page by {@link CommentSections}. */
    static ReaderComments read(List<Element> sections) {
        List<Comment> comments = new ArrayList<>();
        for (Element section : sections) {
            List<Element> blocks = CommentBlocks.in(section);
            if (blocks.isEmpty()) {
                Element whole = cleaned(section);
                whole.select("h2, h3, h4, h5, h6").forEach(Element::remove);
                if (TextLengths.visibleLength(whole.text()) >= MIN_SECTION_TEXT) {
                    comments.add(new Comment("", "", whole));
                }
                continue;
            }
            Set<Element> members = Collections.newSetFromMap(new IdentityHashMap<>());
            members.addAll(blocks);
            List<Comment> read = new ArrayList<>();
            for (Element block : blocks) {
                read.add(header(block, members));
            }
            for (int i = 0; i < blocks.size(); i++) {
                // detaching the replies nested in a comment leaves their own trees whole for their turn
                for (Element nested : blocks.get(i).select("*")) {
                    if (nested != blocks.get(i) && members.contains(nested) && nested.parent() != null) {
                        nested.remove();
                    }
                }
            }
            for (Comment c : read) {
                Element body = cleaned(c.body());
                if (TextLengths.visibleLength(body.text()) > 0) {
                    comments.add(new Comment(c.author(), c.date(), body));
                }
            }
        }
        return new ReaderComments(List.copyOf(comments));
    }

    boolean isEmpty() {
        return comments.isEmpty();
    }

    List<Comment> comments() {
        return comments;
    }

    /** Appends the comments to {@code main} as a section headed "Comments", each after its author and date. */
    void appendTo(Element main) {
        if (comments.isEmpty()) {
            return;
        }
        Element section = main.appendElement("section");
        section.appendElement("h2").text("Comments");
        for (Comment c : comments) {
            if (!c.author().isEmpty() || !c.date().isEmpty()) {
                Element by = section.appendElement("p");
                if (!c.author().isEmpty()) {
                    by.appendElement("strong").text(c.author());
                }
                if (!c.date().isEmpty()) {
                    by.appendText(c.author().isEmpty() ? c.date() : " · " + c.date());
                }
            }
            section.appendChild(c.body().tagName("div"));
        }
    }

    /**
     * The author and date of {@code block} (its own, not those of replies nested in it), with the
     * elements that showed them taken out of it.
     */
    private static Comment header(Element block, Set<Element> members) {
        Element authorElement = null;
        Element dateElement = null;
        for (Element e : block.select("*")) {
            if (e != block && members.contains(e)) {
                break; // a nested reply: this comment's header came before it
            }
            String text = e.text().strip();
            if (authorElement == null
                    && e != block
                    && CommentBlocks.isAuthor(e)
                    && !text.isEmpty()
                    && text.length() <= MAX_AUTHOR) {
                authorElement = e;
            } else if (authorElement != null
                    && e.parent() == authorElement
                    && CommentBlocks.isAuthor(e)
                    && !text.isEmpty()) {
                authorElement = e; // .comment-author > .fn: the name itself, without "says:"
            }
            if (authorElement == null
                    && dateElement == null
                    && e != block
                    && text.length() <= 120
                    && (e.nameIs("p") || e.nameIs("div"))) {
                Matcher said = SAID.matcher(text);
                if (said.matches()) {
                    e.remove();
                    return new Comment(said.group(1), said.group(2), block);
                }
            }
            if (dateElement == null
                    && e != block
                    && (e.nameIs("time")
                            || (text.length() <= MAX_DATE
                                    && e.childrenSize() == 0
                                    && CommentBlocks.DATE.matcher(text).find()))) {
                dateElement = e;
            }
        }
        String author = authorElement == null
                ? ""
                : SAYS.matcher(authorElement.text().strip()).replaceAll("");
        String date = dateElement == null ? "" : dateElement.text().strip();
        if (date.isEmpty() && dateElement != null) {
            date = dateElement.attr("datetime");
        }
        for (Element shown : new Element[] {authorElement, dateElement}) {
            if (shown != null && shown.parent() != null) {
                outermostAround(shown, block).remove();
            }
        }
        return new Comment(author, date, block);
    }

    /** The outermost element around {@code e} inside {@code block} that adds only a few characters to it. */
    private static Element outermostAround(Element e, Element block) {
        int length = TextLengths.visibleLength(e.text());
        Element around = e;
        while (around.parent() != null
                && around.parent() != block
                && TextLengths.visibleLength(around.parent().text()) <= length + 12) {
            around = around.parent();
        }
        return around;
    }

    /** {@code e} without forms, scripts, images, hidden parts and the reply, vote and report links. */
    private static Element cleaned(Element e) {
        for (Element child : e.select("*")) {
            if (child == e || child.parent() == null) {
                continue;
            }
            if (NOISE.contains(child.normalName())
                    || Boilerplate.isHidden(child)
                    || (child.childrenSize() == 0
                            && CommentBlocks.ACTION.matcher(child.text()).matches())) {
                child.remove();
            }
        }
        return e;
    }
}
