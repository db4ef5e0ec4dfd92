import dev.mcpweb.document.Document;
import dev.mcpweb.fetch.FetchResult;
import dev.mcpweb.tools.eval.ExtractionEval;
import java.io.*;
import java.net.URI;
import java.nio.file.*;
import java.util.zip.GZIPInputStream;

/** Extracts pages given on stdin as "corpus<TAB>file<TAB>url" into OUT/corpus-file.md and .txt. */
public class ExtractPages {
    public static void main(String[] a) throws Exception {
        var ex = ExtractionEval.defaultExtractor();
        Path out = Path.of(a[0]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        for (String line; (line = in.readLine()) != null; ) {
            String[] f = line.split("\t");
            Path html = Path.of(f[3]);
            byte[] bytes;
            try (InputStream gz = new GZIPInputStream(Files.newInputStream(html))) { bytes = gz.readAllBytes(); }
            URI uri; try { uri = new URI(f[2]); if (!uri.isAbsolute()) uri = URI.create("https://example.invalid/"); } catch (Exception e) { uri = URI.create("https://example.invalid/"); }
            try {
                Document d = ex.extract(FetchResult.ofBytes(uri, "text/html", bytes));
                String key = f[0].replace('/', '_') + "__" + f[1];
                Files.writeString(out.resolve(key + ".md"), d.markdown());
                Files.writeString(out.resolve(key + ".txt"), d.text());
                Files.writeString(out.resolve(key + ".lang"), d.metadata().language().orElse("?"));
            } catch (Exception e) { System.err.println("fail " + f[1] + " " + e); }
        }
    }
}
