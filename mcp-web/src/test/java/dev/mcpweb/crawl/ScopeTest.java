package dev.mcpweb.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeTest {
    @Test
    void theDomainScopeTakesEveryHostOfTheRegistrableDomainAndNoOther() {
        Scope uk = new Scope(Scope.Kind.DOMAIN, URI.create("https://www.example.co.uk/"), List.of(), List.of());
        assertThat(uk.contains(URI.create("https://docs.example.co.uk/a"))).isTrue();
        assertThat(uk.contains(URI.create("https://other.co.uk/a"))).isFalse();
        assertThat(uk.contains(URI.create("https://example.co.uk.evil.com/a"))).isFalse();
        Scope test = new Scope(Scope.Kind.DOMAIN, URI.create("http://www.coast.test:8080/"), List.of(), List.of());
        assertThat(test.contains(URI.create("http://docs.coast.test:8080/guide")))
                .isTrue();
        assertThat(test.contains(URI.create("http://www.elsewhere.test:8080/"))).isFalse();
        assertThat(test.contains(URI.create("ftp://www.coast.test/"))).isFalse();
    }

    @Test
    void thePrefixScopeStaysUnderTheStartDirectoryOnTheSameOrigin() {
        Scope docs = new Scope(Scope.Kind.PREFIX, URI.create("https://example.com/docs/intro"), List.of(), List.of());
        assertThat(docs.contains(URI.create("https://example.com/docs/guide/a")))
                .isTrue();
        assertThat(docs.contains(URI.create("https://example.com/blog/a"))).isFalse();
        assertThat(docs.contains(URI.create("https://www.example.com/docs/a"))).isFalse();
    }

    @Test
    void globsIncludeAndExcludeByPathAndQuery() {
        Scope scope = new Scope(
                Scope.Kind.DOMAIN,
                URI.create("https://example.com/"),
                List.of("/docs/**"),
                List.of("**/print/*", "*?page=*"));
        assertThat(scope.contains(URI.create("https://example.com/docs/a/b"))).isTrue();
        assertThat(scope.contains(URI.create("https://example.com/blog/a"))).isFalse();
        assertThat(scope.contains(URI.create("https://example.com/docs/print/a")))
                .isFalse();
        assertThat(scope.contains(URI.create("https://example.com/docs/a?page=2")))
                .isTrue();
        assertThat(Scope.glob("/*?page=*").matcher("/docs?page=2").matches()).isTrue();
    }

    @Test
    void sessionAndTrackingParametersDoNotMakeNewPages() {
        assertThat(Urls.normalize("http://WWW.Example.com:80/a/../b?sid=9&utm_source=x&q=1#top"))
                .hasValueSatisfying(u -> assertThat(u.toString()).isEqualTo("http://www.example.com/b?q=1"));
        assertThat(Urls.normalize("http://example.com/account;jsessionid=ABC?x=1"))
                .hasValueSatisfying(u -> assertThat(u.toString()).isEqualTo("http://example.com/account?x=1"));
        assertThat(Urls.normalize("mailto:a@example.com")).isEmpty();
    }
}
