import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../app/lib/markdown.server";
import { linkMentions, mentionedUsernames } from "../../app/lib/mentions";

describe("@mentions", () => {
  it("finds the usernames written in a text", () => {
    expect(mentionedUsernames("Hoi @carmen en @Bram.J, zie mail@example.nl en @ab")).toEqual(["carmen", "bram.j"]);
    expect(mentionedUsernames("Eind van de zin @daan.")).toEqual(["daan"]);
  });

  it("links only existing members, never inside links or code", () => {
    const html = renderMarkdown("Vraag @carmen of @niemand. `@carmen` en [@carmen](https://example.nl)");
    const linked = linkMentions(html, new Set(["carmen"]));
    expect(linked).toContain('<a href="/u/carmen" class="mention">@carmen</a> of @niemand.');
    expect(linked).toContain("<code>@carmen</code>");
    expect(linked.match(/class="mention"/g)).toHaveLength(1);
  });
});
