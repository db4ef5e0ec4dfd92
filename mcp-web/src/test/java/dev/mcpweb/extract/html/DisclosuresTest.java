package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class DisclosuresTest {
    private final MainContentExtractor extractor = new MainContentExtractor();

    private String text(String main) {
        String html = """
                <html><body><header class="site-header"><a href="/">Home</a><nav><a href="/plans">Plans</a></nav></header>
                <main>%s</main>
                <div class="tracking" hidden><p>Session id 4711 assigned to this visitor for analytics purposes only.</p></div>
                <footer><p>Copyright 2024 Tidy Books Ltd. All rights reserved.</p></footer></body></html>
                """.formatted(main);
        return extractor
                .extract(Jsoup.parse(html, "https://example.org/services"), false)
                .text();
    }

    @Test
    void theAnswersOfAnAccordionFaqAreKeptWhileOtherHiddenTextIsDropped() {
        String text = text("""
                <h1>Bookkeeping for small firms</h1>
                <p>We reconcile your accounts every month, file your VAT returns on time and answer questions
                from your accountant, so that you can spend your evenings on something other than receipts.</p>
                <h2>Questions</h2>
                <h3><button aria-expanded="false" aria-controls="faq-1">How quickly do you start?</button></h3>
                <div id="faq-1" hidden><p>Within five working days of signing, once we have read access to your
                bank feeds and last year's accounts.</p></div>
                <h3><button aria-expanded="false" aria-controls="faq-2">Can I cancel at any time?</button></h3>
                <div id="faq-2" hidden><p>Yes. Plans run month to month and we hand over every record we hold
                in a format your next bookkeeper can import.</p></div>
                """);

        assertThat(text).contains("Within five working days").contains("Plans run month to month");
        assertThat(text).doesNotContain("Session id 4711");
    }

    @Test
    void everyTabPanelIsKeptNotOnlyTheOneShownFirst() {
        String text = text("""
                <h1>Payroll, done for you</h1>
                <p>We run payroll for teams of two to two hundred people, handle starters and leavers, and send
                every payslip and pension submission before the deadline.</p>
                <div role="tablist"><button role="tab">Monthly</button><button role="tab">Weekly</button></div>
                <div role="tabpanel" aria-labelledby="t1"><p>Monthly payroll costs four pounds per employee, with
                year-end filings included at no extra charge.</p></div>
                <div role="tabpanel" aria-labelledby="t2" hidden><p>Weekly payroll costs six pounds per employee,
                and we process changes until noon on the day before payday.</p></div>
                """);

        assertThat(text).contains("Monthly payroll costs").contains("Weekly payroll costs six pounds");
    }
}
