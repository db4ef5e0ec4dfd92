package dev.mcpweb.extract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;

/**
 * The JSON-LD objects of a page, flattened ({@code @graph}, arrays and nested objects) and indexed by
 * {@code @id}. Parsing is lenient (comments, trailing commas, raw newlines in strings, HTML comment
 * wrappers) and bounded; a block that still does not parse is skipped, never thrown.
 */
final class JsonLd {
    private static final int MAX_SCRIPT_CHARS = 2_000_000;
    private static final int MAX_NODES = 10_000;
    private static final Set<String> CONTENT_TYPES = Set.of(
            "article",
            "newsarticle",
            "blogposting",
            "report",
            "scholarlyarticle",
            "techarticle",
            "liveblogposting",
            "socialmediaposting",
            "discussionforumposting",
            "analysisnewsarticle",
            "opinionnewsarticle",
            "reportagenewsarticle",
            "reviewnewsarticle",
            "review",
            "recipe",
            "howto",
            "question",
            "product",
            "event",
            "videoobject",
            "course",
            "book",
            "creativework",
            "jobposting",
            "softwareapplication",
            "faqpage",
            "qapage");
    private static final Set<String> PAGE_TYPES = Set.of(
            "webpage",
            "itempage",
            "aboutpage",
            "collectionpage",
            "profilepage",
            "contactpage",
            "searchresultspage",
            "medicalwebpage",
            "realestatelisting",
            "checkoutpage");

    private final List<JsonNode> nodes;
    private final Map<String, JsonNode> byId;

    private final Optional<JsonNode> mainEntity;

    private JsonLd(List<JsonNode> nodes, Map<String, JsonNode> byId) {
        this.nodes = nodes;
        this.byId = byId;
        this.mainEntity = firstOfType(CONTENT_TYPES).or(() -> firstOfType(PAGE_TYPES));
    }

    static ObjectMapper lenientMapper() {
        JsonFactory factory = JsonFactory.builder()
                .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
                .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
                .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(256)
                        .maxStringLength(MAX_SCRIPT_CHARS)
                        .maxNumberLength(100)
                        .build())
                .build();
        return new ObjectMapper(factory);
    }

    /** A reader of {@link #lenientMapper()}'s trees, made once: making one per script cost as much as small scripts. */
    static ObjectReader lenientReader() {
        return lenientMapper().readerFor(JsonNode.class);
    }

    static JsonLd of(List<Element> scripts, ObjectReader reader) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Element script : scripts) {
            String data = script.data();
            if (data.length() > MAX_SCRIPT_CHARS) {
                continue;
            }
            for (JsonNode root : parse(unwrap(data), reader)) {
                flatten(root, nodes);
            }
        }
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode node : nodes) {
            text(node.get("@id")).ifPresent(id -> byId.putIfAbsent(id, node));
        }
        return new JsonLd(List.copyOf(nodes), byId);
    }

    /** The object the page is about: the first article-like entity, else the first web page entity. */
    Optional<JsonNode> mainEntity() {
        return mainEntity;
    }

    Optional<JsonNode> firstOfType(Set<String> types) {
        for (JsonNode node : nodes) { // a loop, not a stream of each node's types: asked of every node of every page
            if (isOfType(node, types)) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }

    /** Whether one of the {@link #types} of {@code node} is in {@code types}. */
    private static boolean isOfType(JsonNode node, Set<String> types) {
        JsonNode type = node.get("@type");
        if (type == null) {
            return false;
        }
        if (!type.isArray()) {
            return type.isTextual() && types.contains(typeName(type));
        }
        for (JsonNode t : type) {
            if (t.isTextual() && types.contains(typeName(t))) {
                return true;
            }
        }
        return false;
    }

    /** An {@code {"@id": …}} reference replaced by the object it names, when the page has it. */
    JsonNode resolve(JsonNode node) {
        if (node != null && node.isObject() && node.size() == 1 && node.has("@id")) {
            return text(node.get("@id")).map(byId::get).orElse(node);
        }
        return node;
    }

    /** Who a name belongs to, as far as {@code @type} says; a bare string counts as a person. */
    enum Party {
        PERSON,
        ORGANIZATION,
        ANY
    }

    private static final Set<String> ORGANIZATION_TYPES = Set.of(
            "organization",
            "corporation",
            "newsmediaorganization",
            "educationalorganization",
            "localbusiness",
            "governmentorganization",
            "ngo",
            "website",
            "brand");

    List<String> names(JsonNode value) {
        return names(value, Party.ANY);
    }

    /** The names in a person/organisation value: a string, an object with {@code name}, a reference, or an array of those. */
    List<String> names(JsonNode value, Party party) {
        Set<String> out = new LinkedHashSet<>();
        Stream<JsonNode> items = value == null ? Stream.empty() : value.isArray() ? stream(value) : Stream.of(value);
        items.map(this::resolve)
                .filter(item -> party == Party.ANY || party(item) == party)
                .forEach(item -> {
                    if (item.isTextual()) {
                        text(item).ifPresent(out::add);
                    } else if (item.isObject()) {
                        Optional<String> name = text(item.get("name"));
                        if (name.isEmpty()) {
                            String given = text(item.get("givenName")).orElse("");
                            String family = text(item.get("familyName")).orElse("");
                            name = Optional.of((given + " " + family).strip()).filter(s -> !s.isEmpty());
                        }
                        name.ifPresent(out::add);
                    }
                });
        return List.copyOf(out);
    }

    private static Party party(JsonNode item) {
        return item.isObject() && isOfType(item, ORGANIZATION_TYPES) ? Party.ORGANIZATION : Party.PERSON;
    }

    /** A plain string value, the first string of an array, or the {@code @value}/{@code @id}/{@code name} of an object. */
    static Optional<String> text(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isArray()) {
            return node.isEmpty() ? Optional.empty() : text(node.get(0));
        }
        if (node.isObject()) {
            return text(node.get("@value")).or(() -> text(node.get("@id"))).or(() -> text(node.get("name")));
        }
        if (node.isValueNode()) {
            String s = node.asText().strip();
            if (s.indexOf('&') >= 0) {
                s = org.jsoup.parser.Parser.unescapeEntities(s, false); // JSON-LD written through an HTML escaper
            }
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        }
        return Optional.empty();
    }

    static Stream<String> types(JsonNode node) {
        JsonNode type = node.get("@type");
        if (type == null) {
            return Stream.empty();
        }
        Stream<JsonNode> all = type.isArray() ? stream(type) : Stream.of(type);
        return all.filter(JsonNode::isTextual).map(JsonLd::typeName);
    }

    /** A textual {@code @type}, lower-cased, without a vocabulary's URL before it. */
    private static String typeName(JsonNode type) {
        String s = type.asText().toLowerCase(java.util.Locale.ROOT);
        return s.substring(s.lastIndexOf('/') + 1);
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    private static String unwrap(String data) {
        String s = data.strip();
        if (s.startsWith("<!--")) {
            s = s.substring(4);
        }
        if (s.endsWith("-->")) {
            s = s.substring(0, s.length() - 3);
        }
        if (s.indexOf("<![CDATA[") < 0 && s.indexOf("]]>") < 0) {
            return s; // nearly every script: two searches of it rather than four (each marker holds one of these)
        }
        return s.replace("//<![CDATA[", "")
                .replace("//]]>", "")
                .replace("<![CDATA[", "")
                .replace("]]>", "");
    }

    private static List<JsonNode> parse(String data, ObjectReader reader) {
        List<JsonNode> roots = new ArrayList<>();
        try (MappingIterator<JsonNode> values = reader.readValues(data)) {
            while (values.hasNextValue()) {
                roots.add(values.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            // Malformed JSON-LD is common; what parsed before the error is kept, the rest is ignored.
        }
        return roots;
    }

    /** Every object in the tree, in document order, without recursion (depth is bounded by the parser). */
    private static void flatten(JsonNode root, List<JsonNode> out) {
        Deque<JsonNode> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty() && out.size() < MAX_NODES) {
            JsonNode node = stack.pop();
            List<JsonNode> children = new ArrayList<>();
            if (node.isObject()) {
                out.add(node);
                node.properties().forEach(e -> {
                    if (e.getValue().isContainerNode()) {
                        children.add(e.getValue());
                    }
                });
            } else if (node.isArray()) {
                node.forEach(child -> {
                    if (child.isContainerNode()) {
                        children.add(child);
                    }
                });
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
    }
}
