package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ElementTextTest {
    @Test
    void givesWhatJsoupsTextGivesForEveryElement() {
        Element root = Jsoup.parse("""
                <body><a href="/a">Plain label</a><a> Padded </a><a>Two  spaces</a><p>Line
                end</p><p>Tab\there</p><p>No&nbsp;break</p><p>Soft&shy;hyphen</p><p>Zero&#8203;width</p>
                <pre>  kept   as is  </pre><pre>plain</pre><h2>A <em>nested</em> heading</h2><span></span>
                <p><![CDATA[data]]></p><a>\u000Bcontrol\u000B</a><li>Émigré — “quoted” 😀</li></body>""").body();
        TreeQuery.forEachElement(
                root, e -> assertThat(ElementText.of(e)).as(e.outerHtml()).isEqualTo(e.text()));
    }

    @Test
    void givesWhatJsoupsTextGivesDownAChainOfOnlyChildren() {
        Element root = Jsoup.parse("""
                <body><h2><a href="/a">Title</a></h2><li><a><span> Padded label </span></a></li>
                <a href="/b"><img src="b.png"></a><div><pre>  kept   as  is </pre></div><p><b><![CDATA[data]]></b></p>
                <div><script>var x = 1;</script></div><div><!-- note --></div><td><br></td><div><p>Two</p></div>
                <div><div><p>Line
                end</p></div></div><section><div><h3><a>Deep</a></h3></div></section>after<div><span>Émigré “x”</span></div>
                <ul><li><a>One</a></li><li><a>Two</a></li></ul><div><span></span></div>text<div><em>a&nbsp;b</em></div></body>""").body();
        TreeQuery.forEachElement(
                root, e -> assertThat(ElementText.of(e)).as(e.outerHtml()).isEqualTo(e.text()));
    }

    @Test
    void givesWhatJsoupsTextGivesOnGeneratedPages() {
        String[] tags = {
            "p",
            "div",
            "span",
            "a",
            "b",
            "em",
            "pre",
            "code",
            "textarea",
            "li",
            "ul",
            "td",
            "tr",
            "table",
            "h2",
            "button",
            "label",
            "sup",
            "section",
            "q",
            "option",
            "select",
            "title",
            "blockquote",
            "figure",
            "nav"
        };
        String[] voids = {"br", "img", "hr", "input", "wbr"};
        String[] texts = {
            " ",
            "  ",
            "\t",
            "\n",
            "\u00a0",
            "&nbsp;",
            "\u200b",
            "\u00ad",
            "word",
            "two words",
            " lead",
            "trail ",
            "Émigré",
            "😀",
            "\u000B",
            "\u2003",
            "<!-- note -->",
            "<![CDATA[ data ]]>",
            "x\r\ny",
            "&amp;"
        };
        Random random = new Random(14);
        for (int page = 0; page < 3000; page++) {
            StringBuilder html = new StringBuilder("<body>");
            int open = 0;
            String[] stack = new String[8];
            for (int i = 0, n = 4 + random.nextInt(30); i < n; i++) {
                int pick = random.nextInt(10);
                if (pick < 4 && open < stack.length) {
                    stack[open] = tags[random.nextInt(tags.length)];
                    html.append('<').append(stack[open++]).append('>');
                } else if (pick < 6 && open > 0) {
                    html.append("</").append(stack[--open]).append('>');
                } else if (pick == 6) {
                    html.append('<').append(voids[random.nextInt(voids.length)]).append('>');
                } else {
                    html.append(texts[random.nextInt(texts.length)]);
                }
            }
            Element root = Jsoup.parse(html.toString()).body();
            TreeQuery.forEachElement(
                    root, e -> assertThat(ElementText.of(e)).as(e.outerHtml()).isEqualTo(e.text()));
        }
    }
}
