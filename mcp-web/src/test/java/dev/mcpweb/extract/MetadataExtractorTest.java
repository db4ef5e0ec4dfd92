package dev.mcpweb.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.RandomText;
import dev.mcpweb.document.Metadata;
import java.net.URI;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class MetadataExtractorTest {
    private final MetadataExtractor extractor = new MetadataExtractor();

    private Metadata read(String head, String body) {
        String html = "<!DOCTYPE html><html lang=\"en-gb\"><head>" + head + "</head><body>" + body + "</body></html>";
        return extractor.extract(Jsoup.parse(html, "https://news.example.com/2024/05/story?ref=home"));
    }

    @Test
    void jsonLdGraphWithReferencedAuthorsGivesEveryField() {
        Metadata m = read("""
                <title>Ignored | Example News</title>
                <script type="application/ld+json">
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "WebSite", "@id": "https://news.example.com/#site", "name": "Example News"},
                  {"@type": "Person", "@id": "#ada", "name": "Ada Lovelace"},
                  {"@type": ["NewsArticle"], "headline": "Engines that weave algebra",
                   "author": [{"@id": "#ada"}, {"@type": "Person", "name": "Charles Babbage"}],
                   "datePublished": "2024-05-01T09:30:00+02:00", "dateModified": "2024-05-02",
                   "publisher": {"@type": "Organization", "name": "Example News Ltd"},
                   "description": "A story about engines.", "inLanguage": "en-GB",
                   "mainEntityOfPage": {"@id": "https://news.example.com/2024/05/story"}}
                ]}
                </script>""", "<nav><h1>Example News</h1></nav>");
        assertThat(m.title()).contains("Engines that weave algebra");
        assertThat(m.authors()).containsExactly("Ada Lovelace", "Charles Babbage");
        assertThat(m.published()).contains("2024-05-01T09:30:00+02:00");
        assertThat(m.modified()).contains("2024-05-02");
        assertThat(m.siteName()).contains("Example News Ltd");
        assertThat(m.description()).contains("A story about engines.");
        assertThat(m.language()).contains("en-GB");
        assertThat(m.canonicalUrl()).contains(URI.create("https://news.example.com/2024/05/story"));
    }

    @Test
    void openGraphAndArticleMetaTagsAreRead() {
        Metadata m = read("""
                <meta property="og:title" content="Tides and the Moon">
                <meta property="og:site_name" content="Sea Notes">
                <meta property="og:description" content="Why the sea rises twice a day.">
                <meta property="og:url" content="/tides">
                <meta property="og:locale" content="fr_FR">
                <meta property="article:published_time" content="2023-11-05T08:00:00Z">
                <meta property="article:modified_time" content="2023-11-06T10:15:00Z">
                <meta name="author" content="Marie Curie">""", "");
        assertThat(m.title()).contains("Tides and the Moon");
        assertThat(m.siteName()).contains("Sea Notes");
        assertThat(m.description()).contains("Why the sea rises twice a day.");
        assertThat(m.canonicalUrl()).contains(URI.create("https://news.example.com/tides"));
        assertThat(m.published()).contains("2023-11-05T08:00:00Z");
        assertThat(m.modified()).contains("2023-11-06T10:15:00Z");
        assertThat(m.authors()).containsExactly("Marie Curie");
        assertThat(m.language()).contains("en-GB"); // <html lang> is more trusted than og:locale
    }

    @Test
    void twitterCardsFillWhatOpenGraphLacks() {
        Metadata m = read("""
                <meta name="twitter:title" content="A short card title">
                <meta name="twitter:description" content="Card description.">""", "");
        assertThat(m.title()).contains("A short card title");
        assertThat(m.description()).contains("Card description.");
    }

    @Test
    void dublinCoreMetaTagsAreRead() {
        Metadata m = read("""
                <meta name="DC.title" content="On Computable Numbers">
                <meta name="DC.creator" content="Alan Turing">
                <meta name="DC.date" content="1936-11-12">
                <meta name="DC.language" content="en">
                <meta name="DC.publisher" content="London Mathematical Society">""", "");
        assertThat(m.title()).contains("On Computable Numbers");
        assertThat(m.authors()).containsExactly("Alan Turing");
        assertThat(m.published()).contains("1936-11-12");
        assertThat(m.siteName()).contains("London Mathematical Society");
    }

    @Test
    void citationAuthorsAreAllKept() {
        Metadata m = read("""
                <meta name="citation_title" content="Attention Is All You Need">
                <meta name="citation_author" content="Vaswani, Ashish">
                <meta name="citation_author" content="Shazeer, Noam">
                <meta name="citation_publication_date" content="2017/06/12">""", "");
        assertThat(m.authors()).containsExactly("Vaswani, Ashish", "Shazeer, Noam");
        assertThat(m.published()).contains("2017-06-12");
    }

    @Test
    void microdataArticleIsRead() {
        Metadata m = read("<title>Recipes</title>", """
                <div itemscope itemtype="https://schema.org/BlogPosting">
                  <h2 itemprop="headline">Sourdough in three days</h2>
                  <span itemprop="author" itemscope itemtype="https://schema.org/Person">
                    <span itemprop="name">Grace Hopper</span></span>
                  <meta itemprop="datePublished" content="2022-03-04">
                  <time itemprop="dateModified" datetime="2022-03-08T12:00">8 March</time>
                </div>""");
        assertThat(m.title()).contains("Sourdough in three days");
        assertThat(m.authors()).containsExactly("Grace Hopper");
        assertThat(m.published()).contains("2022-03-04");
        assertThat(m.modified()).contains("2022-03-08T12:00:00");
    }

    @Test
    void theVisiblePageGivesTitleBylineAndDateWhenNothingElseDoes() {
        Metadata m = read("<title>Why bees dance — The Hive Journal</title>", """
                <article><h1>Why bees dance</h1>
                <p class="byline">By Karl von Frisch | Staff writer</p>
                <time datetime="1967-06-01">June 1967</time>
                <p>Bees tell each other where the flowers are.</p></article>""");
        assertThat(m.title()).contains("Why bees dance");
        assertThat(m.authors()).containsExactly("Karl von Frisch");
        assertThat(m.published()).contains("1967-06-01");
    }

    @Test
    void theArticlesVisibleHeadlineBeatsAnSeoTitle() {
        Metadata m = read(
                "<meta property=\"og:title\" content=\"Best Widgets 2025 - Top 10 Picks\"><title>Widgets</title>",
                "<header><h1>Widget World</h1></header><article><h1>The ten widgets we kept using</h1></article>");
        assertThat(m.title()).contains("The ten widgets we kept using");
    }

    @Test
    void bylinesLoseTheirDecorations() {
        assertThat(read(
                                "",
                                "<div class=\"byline\">Written by</div><div class=\"author\">Written byJane Roe Updated"
                                        + " May 2, 2024</div>")
                        .authors())
                .containsExactly("Jane Roe");
        assertThat(read("", "<p class=byline>Posted by Sam Lee in Gardening</p>")
                        .authors())
                .containsExactly("Sam Lee");
        assertThat(read("", "<a href=\"/author/kim-park/\">Kim Park</a>").authors())
                .containsExactly("Kim Park");
    }

    @Test
    void classesNamingAnAuthorOrADateAreFoundInAnyCase() {
        assertThat(read("", "<p class=\"ByLine\">By Sam Lee</p>").authors()).containsExactly("Sam Lee");
        assertThat(read("", "<span class=\"Post-DATE\">March 3, 2021</span>").published())
                .contains("2021-03-03");
        assertThat(read(
                                "",
                                "<a href=\"https://example.com/People/kim\">Kim Park</a><a href=\"/writers/ann-lo\">Ann"
                                        + " Lo</a>")
                        .authors())
                .containsExactly("Ann Lo");
    }

    @Test
    void theLinksTakenInTheMetadataWalkAreThoseOfEveryElementGivenToTheCollector() {
        String html = """
                <html><head><base href="https://example.com/base/"><link href="/feed"></head><body>
                <A HREF="a.html" TITLE=" First ">Alpha</A> <a href="a.html#x">Alpha again</a>
                <a href="/b" title="Bee"></a><a href="https://example.com/b"> Bee text </a>
                <a href="#top">Top</a><a>no href</a><a href="javascript:void(0)">js</a><a href="mailto:x@y.z">mail</a>
                <map><area href="/area" title="Area"></map><div href="/not-a-link">div</div>
                <a href=" https://Example.COM/c?q=1 ">C</a><a href="http://[bad">bad</a><a href="">self</a>
                </body></html>""";
        org.jsoup.nodes.Document page = Jsoup.parse(html, "https://example.com/dir/page.html");
        PageLinks.Collector walked = new PageLinks.Collector();
        extractor.extract(page, walked, dev.mcpweb.extract.html.PageMarks.collecting(page));
        PageLinks.Collector each = new PageLinks.Collector();
        page.getAllElements().forEach(each);
        assertThat(walked.links()).isEqualTo(each.links()).hasSize(5);
    }

    @Test
    void aPersonInTheBylineBeatsAnOrganisationNamedAsAuthorInJsonLd() {
        Metadata m = read(
                "<script type=\"application/ld+json\">{\"@type\": \"Article\", \"author\":"
                        + " {\"@type\": \"Organization\", \"name\": \"Health &amp; Care Clinic\"}}</script>",
                "<span class=\"author-name\">Dana Whitfield</span>");
        assertThat(m.authors()).containsExactly("Dana Whitfield");
        assertThat(read(
                                "<script type=\"application/ld+json\">{\"@type\": \"Article\", \"author\":"
                                        + " {\"@type\": \"Organization\", \"name\": \"Health &amp; Care Clinic\"}}</script>",
                                "")
                        .authors())
                .containsExactly("Health & Care Clinic");
    }

    @Test
    void aDateWrittenInADateElementIsFoundWhenNothingStructuredSaysIt() {
        assertThat(read("", "<div class=\"post-meta\"><span class=\"date\">Posted on March 3, 2021</span></div>")
                        .published())
                .contains("2021-03-03");
    }

    @Test
    void aKnownSiteNameIsStrippedFromTheTitle() {
        assertThat(read(
                                "<title>Release notes 4.2 | Acme Docs</title><meta property=\"og:site_name\" content=\"Acme Docs\">",
                                "")
                        .title())
                .contains("Release notes 4.2");
        assertThat(read(
                                "<title>Acme Docs - Release notes 4.2</title><meta name=application-name content=\"Acme Docs\">",
                                "")
                        .title())
                .contains("Release notes 4.2");
        assertThat(MetadataExtractor.cleanTitle("Q&A: 10 - 2 = 8 | Acme", Optional.of("Acme"), Optional.empty()))
                .isEqualTo("Q&A: 10 - 2 = 8");
        assertThat(MetadataExtractor.cleanTitle("Plain title", Optional.of("Acme"), Optional.empty()))
                .isEqualTo("Plain title");
    }

    @Test
    void malformedJsonLdNeverThrowsAndOtherSourcesStillCount() {
        Metadata m = read("""
                <script type="application/ld+json">{"@type": "Article", "headline": "Broken, </script>
                <script type="application/ld+json">[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
                [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]</script>
                <script type="application/ld+json">{"@type": "Article", "author": 42, "datePublished": "yesterday"}</script>
                <meta property="og:title" content="Still here">""", "");
        assertThat(m.title()).contains("Still here");
        assertThat(m.published()).isEmpty();
    }

    @Test
    void sloppyButCommonJsonLdIsStillRead() {
        Metadata m = read("""
                <script type="application/ld+json">
                <!--
                { "@type": "Article", // a comment
                  "headline": "Line one
                continued", "author": {"@type": "Person", "givenName": "Rosalind", "familyName": "Franklin"},}
                -->
                </script>""", "");
        assertThat(m.title()).contains("Line one continued");
        assertThat(m.authors()).containsExactly("Rosalind Franklin");
    }

    @Test
    void authorsInOneMetaTagAreSplitAndProfileUrlsIgnored() {
        Metadata m = read("""
                <meta property="article:author" content="https://facebook.com/someone">
                <meta name="author" content="Jane Doe and John Roe">""", "");
        assertThat(m.authors()).containsExactly("Jane Doe", "John Roe");
    }

    @Test
    void datesInCommonSpellingsBecomeIso8601() {
        assertThat(Dates.iso("2024-05-01T10:00:00.123+0200")).contains("2024-05-01T10:00:00+02:00");
        assertThat(Dates.iso("2024-05-01 10:00")).contains("2024-05-01T10:00:00");
        assertThat(Dates.iso("Tue, 3 Jun 2008 11:05:30 GMT")).contains("2008-06-03T11:05:30Z");
        assertThat(Dates.iso("May 1, 2024")).contains("2024-05-01");
        assertThat(Dates.iso("1st September 2021")).contains("2021-09-01");
        assertThat(Dates.iso("2024-02-30")).isEmpty();
        assertThat(Dates.iso("Mayday 1, 2024")).isEmpty();
        assertThat(Dates.iso("0001-01-01")).isEmpty();
        assertThat(Dates.iso("soon")).isEmpty();
    }

    @Test
    void noMetadataAtAllGivesEmptyFieldsNotErrors() {
        Metadata m = extractor.extract(Jsoup.parse("<p>hello</p>", "https://example.com/"));
        assertThat(m).isEqualTo(Metadata.empty());
    }

    @Test
    void aProductsJsonLdGivesItsNamePriceAvailabilityAndRating() {
        Metadata m = read("""
                <script type="application/ld+json">
                {"@context": "https://schema.org", "@type": "Product", "name": "Brewmaster kettle",
                 "brand": {"@type": "Brand", "name": "Acme"},
                 "offers": [{"@type": "Offer", "price": 49.9, "priceCurrency": "EUR",
                             "availability": "https://schema.org/InStock"}],
                 "aggregateRating": {"@type": "AggregateRating", "ratingValue": "4.6", "reviewCount": "1204"}}
                </script>""", "<h1>Brewmaster kettle</h1>");

        assertThat(m.productFacts())
                .extracting(f -> f.kind().label() + ": " + f.value())
                .containsExactly(
                        "Name: Brewmaster kettle",
                        "Brand: Acme",
                        "Price: 49.9 EUR",
                        "Availability: In stock",
                        "Rating: 4.6 out of 5 (1,204 ratings)");
    }

    @Test
    void anAggregateOfferGivesItsPriceRangeAndBadValuesAreLeftOut() {
        Metadata m = read("""
                <script type="application/ld+json">
                {"@type": "Product", "name": "Kettle",
                 "offers": {"@type": "AggregateOffer", "lowPrice": "39.00", "highPrice": "59.00", "priceCurrency": "USD"},
                 "aggregateRating": {"ratingValue": "great"}}
                </script>""", "");

        assertThat(m.productFacts())
                .extracting(f -> f.kind().label() + ": " + f.value())
                .containsExactly("Name: Kettle", "Price: from 39.00 to 59.00 USD");
    }

    @Test
    void aProductsMicrodataGivesItsFactsAndANestedItemKeepsItsOwnName() {
        Metadata m = read("", """
                <div itemscope itemtype="http://schema.org/Product">
                  <h1 itemprop="name">Brewmaster kettle</h1>
                  <div itemprop="brand" itemscope itemtype="https://schema.org/Brand"><span itemprop="name">Acme</span></div>
                  <div itemprop="review" itemscope itemtype="https://schema.org/Review">
                    <span itemprop="name">Boils fast</span><span itemprop="ratingValue">2</span></div>
                  <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
                    <span itemprop="price" content="49.90">49,90 €</span><meta itemprop="priceCurrency" content="EUR">
                    <link itemprop="availability" href="https://schema.org/OutOfStock">Sold out</div>
                  <div itemprop="aggregateRating" itemscope itemtype="https://schema.org/AggregateRating">
                    <span itemprop="ratingValue">4.6</span> of <span itemprop="bestRating">5</span>,
                    <span itemprop="ratingCount">1204</span> ratings</div>
                </div>""");

        assertThat(m.productFacts())
                .extracting(f -> f.kind().label() + ": " + f.value())
                .containsExactly(
                        "Name: Brewmaster kettle",
                        "Brand: Acme",
                        "Price: 49.90 EUR",
                        "Availability: Out of stock",
                        "Rating: 4.6 out of 5 (1,204 ratings)");
    }

    @Test
    void aPageWithoutAProductHasNoProductFacts() {
        Metadata m = read("""
                <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Prices rise", "name": "x"}</script>""", "");

        assertThat(m.productFacts()).isEmpty();
    }

    @Test
    void whitespaceCollapsesAsTheRegexDoes() {
        java.util.Random random = new java.util.Random(15);
        String alphabet = " \t\n\u000B\f\r\u00A0\u2003ab";
        for (int n = 0; n < 20_000; n++) {
            String value = RandomText.of(random, alphabet, 8);
            assertThat(MetadataExtractor.collapseWhitespace(value))
                    .as("%s", value)
                    .isEqualTo(value.replaceAll("\\s+", " "));
        }
    }

    /**
     * The author and date marks of a value are those that searching its lower-cased copy for the words gives,
     * for values built from pieces of the words in either case and characters whose case folds oddly.
     */
    @Test
    void marksFindTheWordsTheLowerCasedValueHolds() {
        String[] pieces = {
            "au", "thor", "AUTH", "By", "line", "da", "te", "TI", "me", "pub", "LISH", "post", "ed", "Me", "ta", "a",
            "t", "-", " ", "_", "\u0130", "\u212A", "\u017F", "A", "Z", "@", "`", "\u00C1"
        };
        java.util.Random random = new java.util.Random(16);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder value = new StringBuilder();
            for (int k = random.nextInt(7); k > 0; k--) {
                value.append(pieces[random.nextInt(pieces.length)]);
            }
            String lower = value.toString().toLowerCase(java.util.Locale.ROOT);
            int expected = (lower.contains("author") || lower.contains("byline") ? MetadataExtractor.AUTHOR_MARK : 0)
                    | (java.util.stream.Stream.of("date", "time", "publish", "posted", "meta", "byline")
                                    .anyMatch(lower::contains)
                            ? MetadataExtractor.DATE_MARK
                            : 0);
            assertThat(MetadataExtractor.marks(value.toString()))
                    .as("%s", value)
                    .isEqualTo(expected);
        }
    }

    @Test
    void languageTagsHaveTheShapeTheRegexMatches() {
        java.util.regex.Pattern regex = java.util.regex.Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
        java.util.Random random = new java.util.Random(16);
        for (int n = 0; n < 50_000; n++) {
            String tag = RandomText.of(random, "enUS-419-x_Z\u00E9 ", 14);
            assertThat(MetadataExtractor.hasLanguageTagShape(tag))
                    .as("%s", tag)
                    .isEqualTo(regex.matcher(tag).matches());
        }
    }

    @Test
    void jsonLdTypeIsReadAsTheRegexReadsIt() {
        java.util.regex.Pattern regex = java.util.regex.Pattern.compile("(?i)^\\s*application/ld\\+json");
        java.util.Random random = new java.util.Random(15);
        String base = "application/ld+json";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder(RandomText.of(random, " \t\n\u000B\f\r\u00A0", 3));
            for (char c : base.toCharArray()) {
                int pick = random.nextInt(12);
                s.append(
                        pick == 0
                                ? Character.toUpperCase(c)
                                : pick == 1 ? (char) (c ^ 0x20) : pick == 2 ? '\u017F' : pick == 3 ? '\u212A' : c);
            }
            if (random.nextBoolean()) {
                s.setLength(random.nextInt(s.length() + 1));
            }
            String type =
                    s.append(random.nextBoolean() ? "; charset=utf-8" : "").toString();
            assertThat(MetadataExtractor.isJsonLdType(type))
                    .as("%s", type)
                    .isEqualTo(regex.matcher(type).find());
        }
    }
}
