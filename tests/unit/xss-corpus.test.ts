import { parseFragment, serialize, type DefaultTreeAdapterMap } from "parse5";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../app/lib/markdown.server";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

/**
 * Our own corpus of hostile input, in the classes of the README's "Security" section. Each output
 * is parsed the way a browser parses it (parse5 follows the HTML standard)
 * and must be inert: only allowed elements and attributes, nothing outside
 * the HTML namespace, links only to http(s)/mailto or relative addresses,
 * images only from http(s), and the same tree after a second parse (no
 * mutation XSS).
 */
const CORPUS: Array<[string, string]> = [
  ["script element", "<script>alert(1)</script>"],
  ["script with source, odd case", "<SCRIPT SRC=//x.example/x.js></SCRIPT>"],
  ["img onerror, bare", "<img src=x onerror=alert(1)>"],
  ["img onerror on an allowed image", '<img src="https://x.nl/a.png" onerror="alert(1)">'],
  ["svg onload", "<svg onload=alert(1)>"],
  ["script inside svg", "<svg><script>alert(1)</script></svg>"],
  ["svg animate to javascript", '<svg><a><animate attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>'],
  ["MathML mutation (mglyph/style)", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"],
  ["MathML href", '<math href="javascript:alert(1)">x</math>'],
  ["Markdown link to javascript:", "[x](javascript:alert(1))"],
  ["mixed-case scheme", "[x](JaVaScRiPt:alert(1))"],
  ["decimal entity in scheme", "[x](&#106;avascript:alert(1))"],
  ["hex entities in scheme", "[x](&#x6A;&#x61;vascript:alert(1))"],
  ["tab inside the scheme", "[x](java&#x09;script:alert(1))"],
  ["newline entity inside the scheme", '<a href="java&#10;script:alert(1)">x</a>'],
  ["named entity colon", '<a href="javascript&colon;alert(1)">x</a>'],
  ["zero-padded entities", '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>'],
  ["leading control character", '<a href="&#14;javascript:alert(1)">x</a>'],
  ["javascript with a comment line", "[x](javascript://%0aalert(1))"],
  ["autolink to javascript:", "<javascript:alert(1)>"],
  ["data: HTML link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
  ["data: SVG image", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"],
  ["vbscript:", '<a href="vbscript:msgbox(1)">x</a>'],
  ["iframe to javascript:", '<iframe src="javascript:alert(1)"></iframe>'],
  ["object", '<object data="https://x.example/x.swf"></object>'],
  ["embed", '<embed src="https://x.example/x">'],
  ["style attribute with url()", '<div style="background:url(javascript:alert(1))">x</div>'],
  ["style element", "<style>body{display:none}</style>"],
  ["stylesheet link", '<link rel="stylesheet" href="https://evil.example/x.css">'],
  ["meta refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ["base element", '<base href="https://evil.example/">'],
  ["form and input", '<form action="https://evil.example"><input name="password"><button>x</button></form>'],
  ["HTML comment hiding markup", "<!-- <img src=x onerror=alert(1)> -->"],
  ["broken comment opener", "<!--><img src=x onerror=alert(1)>-->"],
  ["comment inside an attribute", '<p title="<!--">x</p><img src=x onerror=alert(1)>-->'],
  ["attribute breakout", '<p title="</p><img src=x onerror=alert(1)>">x</p>'],
  ["onclick on an allowed link", '<a href="https://ok.nl" onclick="alert(1)">x</a>'],
  ["unquoted onmouseover", "<a href=https://ok.nl onmouseover=alert(1)>x</a>"],
  ["details ontoggle", "<details open ontoggle=alert(1)>x</details>"],
  ["noscript mutation", '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
  ["template with script", "<template><script>alert(1)</script></template>"],
  ["xmp raw text", "<xmp><img src=x onerror=alert(1)></xmp>"],
  ["textarea raw text", "<textarea><img src=x onerror=alert(1)></textarea>"],
  ["video source onerror", "<video><source onerror=alert(1)></video>"],
  ["srcset with javascript:", '<img src="https://x.nl/a.png" srcset="javascript:alert(1)">'],
  ["formaction", '<a href="https://ok.nl" formaction="javascript:alert(1)">x</a>'],
  ["event handler on code", "<code class=\"language-js\" onclick=alert(1)>x</code>"],
  ["DOM clobbering with id and name", '<img name="cookie" id="location" src="https://x.nl/a.png"><a id="defaultView" href="https://ok.nl">x</a>'],
  ["link title breakout", '[x](https://ok.nl "t\\" onmouseover=\\"alert(1)")'],
  ["image URL breakout", '![x](https://ok.nl/a.png"onerror="alert(1))'],
  ["reference-style link to javascript:", "[x][a]\n\n[a]: javascript:alert(1)"],
  ["protocol-relative image", "![x](//evil.example/x.png)"],
  ["table cell with handler", "| a |\n| - |\n| <td onmouseover=alert(1)>b</td> |"],
  ["deeply nested elements", "<div>".repeat(5000) + "x" + "</div>".repeat(5000)],
  ["deeply nested quotes", "> ".repeat(5000) + "x"],
  ["deeply nested lists", Array.from({ length: 500 }, (_, i) => " ".repeat(i * 2) + "- x").join("\n")],
  ["over-long input of link openers", "[a](".repeat(8000)],
  ["over-long emphasis runs", "*_".repeat(16000)],
];

const ALLOWED: Record<string, string[]> = {
  p: [], br: [], hr: [], strong: [], em: [], del: [], code: ["class"], pre: [], blockquote: [], ul: [], ol: [], li: [],
  a: ["href", "title", "rel"], img: ["src", "alt", "title"], h3: [], h4: [], h5: [], h6: [],
  table: [], thead: [], tbody: [], tr: [], th: ["align"], td: ["align"], span: [],
};
const HTML_NS = "http://www.w3.org/1999/xhtml";

/** What a browser does with a URL attribute before looking at the scheme: strip controls and whitespace. */
function scheme(url: string): string | null {
  // eslint-disable-next-line no-control-regex -- browsers strip exactly these characters
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, "");
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  return match ? match[1]!.toLowerCase() : null;
}

function problemsIn(node: Node, problems: string[] = []): string[] {
  if ("tagName" in node) {
    const element = node as Element;
    if (element.namespaceURI !== HTML_NS) problems.push(`foreign element <${element.tagName}>`);
    const allowed = ALLOWED[element.tagName];
    if (!allowed) problems.push(`element <${element.tagName}>`);
    for (const attr of element.attrs) {
      if (!allowed?.includes(attr.name)) problems.push(`attribute ${attr.name} on <${element.tagName}>`);
      if (attr.name === "href" && !["http", "https", "mailto", null].includes(scheme(attr.value))) problems.push(`href ${attr.value}`);
      if (attr.name === "src" && !/^https?:\/\//i.test(attr.value)) problems.push(`src ${attr.value}`);
      if (attr.name === "class" && !/^language-[a-z0-9-]+$/.test(attr.value)) problems.push(`class ${attr.value}`);
    }
    if (element.tagName === "a" && element.attrs.find((a) => a.name === "rel")?.value !== "nofollow ugc noopener noreferrer") {
      problems.push("link without rel=nofollow ugc noopener noreferrer");
    }
  }
  if (node.nodeName === "#comment") problems.push("comment");
  for (const child of "childNodes" in node ? node.childNodes : []) problemsIn(child, problems);
  if ("content" in node && node.content) problemsIn(node.content, problems);
  return problems;
}

describe("the XSS corpus", () => {
  it("has at least 40 cases", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CORPUS)("comes out inert: %s", (_name, markdown) => {
    const html = renderMarkdown(markdown);
    const tree = parseFragment(html);
    expect(problemsIn(tree)).toEqual([]);
    // Parsing what the browser would serialise gives the same tree: no mutation on re-parse.
    const once = serialize(tree);
    expect(serialize(parseFragment(once))).toBe(once);
  });

  it("keeps the harmless text of hostile input readable instead of dropping it silently", () => {
    expect(renderMarkdown("<script>alert(1)</script>")).toContain("&lt;script&gt;");
    expect(renderMarkdown("[x](javascript:alert(1))")).toContain("x");
  });

  it("does not strip what is allowed (the checks above would pass on an empty string)", () => {
    const html = renderMarkdown('[ok](https://ok.nl "titel") ![foto](https://ok.nl/a.png)\n\n```js\nx\n```');
    expect(html).toContain('<a href="https://ok.nl" title="titel" rel="nofollow ugc noopener noreferrer">ok</a>');
    expect(html).toContain('<img src="https://ok.nl/a.png" alt="foto" />');
    expect(html).toContain('<code class="language-js">');
  });
});
