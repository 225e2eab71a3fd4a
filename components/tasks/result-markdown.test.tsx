import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ResultMarkdown } from "./result-markdown";

const render = (markdown: string) => renderToStaticMarkup(<ResultMarkdown markdown={markdown} />);

describe("ResultMarkdown", () => {
  it("puts the result's headings two levels down, under the page's h1 and the Result h2, keeping their look", () => {
    const html = render("# Report\n\n## Findings\n\n#### Detail\n\n###### Deepest\n\nText.");
    expect(html).toContain('<h3 class="md-h1">Report</h3>');
    expect(html).toContain('<h4 class="md-h2">Findings</h4>');
    expect(html).toContain('<h6 class="md-h4">Detail</h6>');
    expect(html).toContain('<h6 class="md-h6">Deepest</h6>');
    expect(html).not.toMatch(/<h[12][ >]/);
  });

  it("drops raw HTML and script links, and shows images as links", () => {
    const html = render('<script>alert(1)</script>\n\n[x](javascript:alert(1))\n\n![chart](https://example.com/c.png)');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("<img");
    expect(html).toContain('href="https://example.com/c.png"');
    expect(html).toContain("Image: chart");
  });
});
