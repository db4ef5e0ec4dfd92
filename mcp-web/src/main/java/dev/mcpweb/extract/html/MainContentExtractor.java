package dev.mcpweb.extract.html;

import dev.mcpweb.text.Whitespace;
import dev.mcpweb.work.StopToken;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts the main content of an HTML page as Markdown and plain text. It works on a copy of the
 * page's body, so the caller's {@link Document} is left untouched for metadata extraction. Stateless
 * and thread-safe; deterministic; never recurses over the tree, so hostile nesting cannot overflow
 * the stack.
 */
public final class MainContentExtractor {
    /** Below this many visible characters, the text the page declares in JSON-LD is used instead. */
    private static final int SCANT_TEXT = 200;

    /**
     * An article showing less than this, and under a third of the body its JSON-LD declares, was not found
     * on the page (scmp renders its story from the declared body; what the HTML holds is its header).
     */
    private static final int SHORT_TEXT = 1000;

    /** How many times longer than what a short article shows its declared body must be to replace it. */
    private static final int MISSED_SHARE = 3;

    /** As {@link #extract(Document, boolean, StopToken)}, never stopped. */
    public MainContent extract(Document page, boolean includeComments) {
        return extract(page, includeComments, StopToken.none());
    }

    /**
     * Returns the main content of {@code page} (parsed with its base URI set, which makes links
     * absolute). Reader comments under an article are left out, or follow it under a "Comments"
     * heading when {@code includeComments} is true; a discussion's posts are its content either way. {@code stop} is checked between steps and at every node of the long walks.
     */
    public MainContent extract(Document page, boolean includeComments, StopToken stop) {
        return extract(page, PageMarks.of(page), includeComments, stop);
    }

    /** As {@link #extract(Document, boolean, StopToken)}, with the page's {@code marks} found already. */
    public MainContent extract(Document page, PageMarks marks, boolean includeComments, StopToken stop) {
        Element body = page.body();
        if (body == null) {
            return new MainContent("", "", List.of(), List.of());
        }
        Element copy = body.clone();
        copy.setBaseUri(page.location());
        stop.check();
        StreamedSegments.resolve(copy);
        ProductPage product = ProductPage.of(page, marks);
        product.reveal(copy);
        TextLengths lengths = TextLengths.withStoryMarks(copy);
        ElementFacts facts = ElementFacts.of(copy);
        boolean discussion = DeclaredType.discussion(marks) || Boilerplate.isDiscussion(copy, lengths, facts);
        // Comments leave the page before anything is located, and come back after the article if asked for.
        boolean article = DeclaredType.article(marks);
        List<Element> commentSections = discussion
                ? List.of()
                : CommentSections.detach(copy, lengths, facts, article, StructuredBody.comments(marks));
        Boilerplate.strip(copy, lengths, facts, stop);
        Element scope = product.strip(copy);
        stop.check();
        ContentLocator.Located located = ContentLocator.locate(scope, stop);
        Element main = located.main();
        // Measured once, from the locator's counts: the rules below take their removals out of it rather than measure
        // anew.
        TextLengths counts = located.counts();
        if (article) {
            main = ArticleBoundary.of(main, counts);
            counts = counts.narrowedTo(main);
            TeaserLists.remove(main, counts);
            EmbeddedPreviews.remove(main, counts);
            LeadCaptions.remove(main, counts);
            NamedTeasers.remove(main, counts);
            TeaserCards.remove(main, counts);
            LinkedInserts.remove(main, counts);
            InsetForms.remove(main, counts);
            StoryHeader.remove(main, counts);
        } else if (!discussion && !product.isProduct() && SingleStory.is(main, counts)) {
            ArticleStart.cut(main, counts);
            StoryHeader.remove(main, counts);
        }
        // A product page's description is followed by its specifications and answers, not by an article's tail.
        boolean storyTail = !discussion && (article || !product.isProduct());
        if (storyTail) {
            ArticleEnd.cut(main, article, counts);
        }
        RepeatedBlocks.remove(main, counts);
        ImageCredits.remove(main, counts);
        stop.check();
        Furniture.remove(main, counts, stop);
        ButtonLinks.remove(main, counts);
        if (article) {
            TrailingHeadings.remove(main, counts);
        }
        if (storyTail) {
            TrailingNotes.remove(main, counts);
        }
        if (includeComments) {
            ReaderComments.read(commentSections).appendTo(main);
        }
        MainContent content = Renderer.render(main, stop);
        // Counted only as far as the thresholds below: a story's text is far longer, and below them it is exact.
        int found = TextLengths.visibleLength(content.text(), Math.max(SCANT_TEXT, SHORT_TEXT));
        if (found < SCANT_TEXT || article && found < SHORT_TEXT) {
            String declared = StructuredBody.of(page).orElse("");
            int length = TextLengths.visibleLength(declared);
            if (found < SCANT_TEXT ? length > found : length > MISSED_SHARE * found) {
                String plain = Whitespace.paragraphBreaks(declared).strip();
                return new MainContent(plain, plain, content.contentLinks(), content.codeBlocks());
            }
        }
        return product.complete(content);
    }
}
