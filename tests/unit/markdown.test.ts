import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../app/lib/markdown.server";

describe("Markdown rendering", () => {
  it("renders the usual Markdown", () => {
    const html = renderMarkdown("**vet** en _schuin_\n\n- een\n- twee\n\n```ts\nconst x = 1;\n```\n\n> citaat");
    expect(html).toContain("<strong>vet</strong>");
    expect(html).toContain("<em>schuin</em>");
    expect(html).toContain("<li>een</li>");
    expect(html).toContain('<code class="language-ts">');
    expect(html).toContain("<blockquote>");
  });

  it("demotes headings below the page's own", () => {
    const html = renderMarkdown("# Een\n\n## Twee");
    expect(html).toContain("<h3>Een</h3>");
    expect(html).toContain("<h4>Twee</h4>");
    expect(html).not.toMatch(/<h[12]/);
  });

  it.each([
    ["<script>alert(1)</script>", /<script/i],
    ['<img src="https://x.nl/a.png" onerror="alert(1)">', /onerror/i],
    ["[x](javascript:alert(1))", /javascript:/i],
    ['<a href="vbscript:msgbox">x</a>', /vbscript:/i],
    ['<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ['<div style="position:fixed">x</div>', /style=/i],
    ["![x](data:image/svg+xml;base64,PHN2Zz4=)", /data:/i],
    ['<form action="/logout" method="post"><button>x</button></form>', /<form|<button/i],
  ])("removes dangerous markup: %s", (markdown, forbidden) => {
    expect(renderMarkdown(markdown)).not.toMatch(forbidden);
  });

  it("gives every link rel=nofollow ugc noopener noreferrer, even when the author set another rel", () => {
    const html = renderMarkdown('[a](https://example.nl) <a href="https://x.nl" rel="me">b</a>');
    expect(html.match(/rel="nofollow ugc noopener noreferrer"/g)).toHaveLength(2);
    expect(html).not.toContain('rel="me"');
  });

  it("keeps images only from http(s)", () => {
    expect(renderMarkdown("![ok](https://example.nl/a.png)")).toContain('<img src="https://example.nl/a.png" alt="ok" />');
    expect(renderMarkdown("![relative](/build/x.png)")).not.toContain("<img");
    expect(renderMarkdown("![proto](//evil.example/x.png)")).not.toContain("<img");
  });

  it("shows a stored upload as its thumbnail linking to the full image, sized, and nothing else from /files", () => {
    expect(renderMarkdown("![zaal.jpg](/files/12/zaal.jpg?w=800&h=600)")).toContain(
      '<a href="/files/12/zaal.jpg" rel="nofollow ugc noopener noreferrer"><img src="/files/12/zaal.jpg?size=thumb" alt="zaal.jpg" loading="lazy" width="400" height="300" /></a>',
    );
    for (const hostile of [
      '![x](/files/1/a.png" onerror=alert(1))',
      "![x](/files/1/a.png onerror=alert(1))",
      "![x](javascript:alert(1))",
      "![x](/files/../settings)",
      "![x](/files/1/../../logout)",
      "![x](//evil.example/files/1/x.png)",
      "![x](/files/1/a.png?size=full&x=1)",
      '<img src="/files/1/a.png" onerror="alert(1)">',
    ]) {
      const html = renderMarkdown(hostile);
      // Words may stay as text; no tag may carry a handler or point anywhere but a stored thumbnail.
      expect(html, hostile).not.toMatch(/<[^>]+\son[a-z]+=/i);
      expect(html, hostile).not.toMatch(/(?:src|href)="(?:javascript:|\/\/|[^"]*\.\.\/)/i);
      expect(html, hostile).not.toMatch(/<img(?![^>]*src="\/files\/\d+\/[a-z0-9.-]+\?size=thumb")/);
    }
    expect(renderMarkdown('![a" onload="x](/files/2/x.png)')).toContain('alt="a&quot; onload=&quot;x"');
  });

  it("renders the largest allowed input quickly enough to stay interactive", () => {
    const big = "> ".repeat(500) + "*_".repeat(5000) + "[a](".repeat(3000) + "x".repeat(10000);
    const html = renderMarkdown(big.slice(0, 32000));
    expect(typeof html).toBe("string");
  });
});
