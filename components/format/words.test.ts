import { describe, expect, it } from "vitest";
import { withArticle } from "./words";

describe("withArticle", () => {
  it("puts an before a vowel and a otherwise", () => {
    expect(withArticle("analyst")).toBe("an analyst");
    expect(withArticle("Editor")).toBe("an Editor");
    expect(withArticle("generalist")).toBe("a generalist");
  });
});
