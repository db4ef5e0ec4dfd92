package dev.mcpweb.extract.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The body text a page declares in its JSON-LD ({@code articleBody}, {@code text} or {@code
 * description}): the fallback for pages whose DOM holds little text because a script renders it.
 */
final class StructuredBody {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> BODY_FIELDS = Set.of("articleBody", "text", "description", "reviewBody");
    private static final int MAX_SCRIPT = 2_000_000;
    private static final Evaluator JSON_LD = QueryParser.parse("script[type=application/ld+json]");
    private static final int MAX_NODES = 20_000;
    private static final int MAX_COMMENTS = 200;

    private StructuredBody() {}

    static Optional<String> of(Document page) {
        String best = "";
        for (Element script : page.select(JSON_LD)) {
            String json = script.data();
            if (json.length() > MAX_SCRIPT) {
                continue;
            }
            try {
                String found = longestBody(JSON.readTree(json));
                if (found.length() > best.length()) {
                    best = found;
                }
            } catch (JsonProcessingException e) {
                // malformed JSON-LD is common; the page simply declares nothing usable
            }
        }
        best = Parser.unescapeEntities(best, false).strip();
        return best.isEmpty() ? Optional.empty() : Optional.of(best);
    }

    /**
     * The products declared in the page's JSON-LD scripts ({@code @type} Product), in page order, each once:
     * shops describe the item on sale there, often with text the page renders only from a script or
     * behind a tab.
     */
    static List<JsonNode> products(List<String> jsonLdScripts) {
        List<JsonNode> found = new ArrayList<>();
        readAll(jsonLdScripts, "Product", root -> collectProducts(root, found));
        return found;
    }

    /**
     * The texts of the readers' comments {@code page} declares in its JSON-LD ({@code @type} Comment, in
     * page order, at most {@code MAX_COMMENTS}): blogs and news sites list them under the article's
     * {@code comment} property.
     */
    static List<String> comments(PageMarks page) {
        List<String> found = new ArrayList<>();
        readAll(page.jsonLd(), "\"Comment\"", root -> collectComments(root, found));
        return found;
    }

    /** Hands each of {@code scripts} that mentions {@code needle} to {@code read}, parsed; skips malformed ones. */
    private static void readAll(List<String> scripts, String needle, Consumer<JsonNode> read) {
        for (String json : scripts) {
            if (json.length() > MAX_SCRIPT || !json.contains(needle)) {
                continue;
            }
            try {
                read.accept(JSON.readTree(json));
            } catch (JsonProcessingException e) {
                // malformed JSON-LD: nothing usable
            }
        }
    }

    private static void collectComments(JsonNode root, List<String> found) {
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(root);
        int visited = 0;
        while (!todo.isEmpty() && visited++ < MAX_NODES && found.size() < MAX_COMMENTS) {
            JsonNode node = todo.pop();
            if (node.isObject()) {
                if (isType(node.path("@type"), "Comment") && node.path("text").isTextual()) {
                    String text = Parser.unescapeEntities(node.path("text").asText(), false)
                            .strip();
                    if (!text.isEmpty()) {
                        found.add(text);
                    }
                }
                node.forEach(v -> {
                    if (v.isContainerNode()) {
                        todo.addLast(v); // breadth first keeps the comments in page order
                    }
                });
            } else if (node.isArray()) {
                node.forEach(todo::addLast);
            }
        }
    }

    /** The descriptions of {@code products}, unescaped, without blanks and repeats. */
    static List<String> descriptions(List<JsonNode> products) {
        List<String> found = new ArrayList<>();
        for (JsonNode product : products) {
            String d = Parser.unescapeEntities(product.path("description").asText(""), false)
                    .strip();
            if (!d.isEmpty() && !found.contains(d)) {
                found.add(d);
            }
        }
        return found;
    }

    private static void collectProducts(JsonNode root, List<JsonNode> found) {
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(root);
        int visited = 0;
        while (!todo.isEmpty() && visited++ < MAX_NODES) {
            JsonNode node = todo.pop();
            if (node.isObject()) {
                if (isProduct(node.path("@type"))) {
                    found.add(node);
                }
                node.forEach(v -> {
                    if (v.isContainerNode()) {
                        todo.push(v);
                    }
                });
            } else if (node.isArray()) {
                node.forEach(todo::push);
            }
        }
    }

    private static boolean isProduct(JsonNode type) {
        return isType(type, "Product");
    }

    private static boolean isType(JsonNode type, String name) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.asText().equals(name)) {
                    return true;
                }
            }
            return false;
        }
        return type.asText().equals(name);
    }

    private static String longestBody(JsonNode root) {
        String best = "";
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(root);
        int visited = 0;
        while (!todo.isEmpty() && visited++ < MAX_NODES) {
            JsonNode node = todo.pop();
            if (node.isObject()) {
                var fields = node.fields();
                while (fields.hasNext()) {
                    var f = fields.next();
                    JsonNode v = f.getValue();
                    if (v.isTextual()
                            && BODY_FIELDS.contains(f.getKey())
                            && v.asText().length() > best.length()) {
                        best = v.asText();
                    } else if (v.isContainerNode()) {
                        todo.push(v);
                    }
                }
            } else if (node.isArray()) {
                node.forEach(todo::push);
            }
        }
        return best;
    }
}
