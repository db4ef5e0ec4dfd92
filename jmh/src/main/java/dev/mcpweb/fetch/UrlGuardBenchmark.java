package dev.mcpweb.fetch;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the SSRF guard costs per URL: the pre-connection check (parse, host normalisation, range lookup)
 * for several kinds of URL, and the check of a DNS answer. Run: {@code bin/jmh UrlGuardBenchmark -f 1 -wi 3 -i 5}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class UrlGuardBenchmark {
    @State(Scope.Benchmark)
    public static class Urls {
        @Param({
            "https://en.wikipedia.org/wiki/Server-side_request_forgery?action=view#History",
            "http://93.184.216.34/index.html",
            "http://0x7f.1/",
            "http://[2606:4700:4700::1111]/dns-query",
            "http://user@[::ffff:169.254.169.254]/latest/meta-data/"
        })
        public String url;

        UrlGuard guard;
        UrlGuard guardWithAllowList;

        @Setup
        public void setUp() {
            guard = new UrlGuard(List.of());
            guardWithAllowList = new UrlGuard(List.of("wiki.intranet", "10.1.0.0/16", "127.0.0.2/32", "fd00::/8"));
        }
    }

    @State(Scope.Benchmark)
    public static class Answers {
        UrlGuard guard;
        List<InetAddress> answers;

        @Setup
        public void setUp() throws Exception {
            guard = new UrlGuard(List.of());
            answers = List.of(
                    InetAddress.getByName("93.184.216.34"),
                    InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946"));
        }
    }

    @Benchmark
    public Object checkUrl(Urls s) {
        return s.guard.check(s.url);
    }

    @Benchmark
    public Object checkUrlWithAllowList(Urls s) {
        return s.guardWithAllowList.check(s.url);
    }

    @Benchmark
    public Object checkDnsAnswer(Answers s) {
        return s.guard.checkResolved("example.com", s.answers);
    }
}
