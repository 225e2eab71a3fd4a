import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

describe("safeCallbackPath", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeCallbackPath("/tasks?status=RUNNING#top")).toBe("/tasks?status=RUNNING#top");
    expect(safeCallbackPath("/")).toBe("/");
  });

  it("sends anything that would leave the site home instead", () => {
    for (const hostile of ["https://evil.example/", "//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "/\t\\evil.example", "\t//evil.example", "javascript:alert(1)", "", null, undefined]) {
      expect(safeCallbackPath(hostile), JSON.stringify(hostile)).toBe("/");
    }
  });
});
