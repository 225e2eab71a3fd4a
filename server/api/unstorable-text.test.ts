import { describe, expect, it } from "vitest";
import { findUnstorableText } from "./unstorable-text";

describe("findUnstorableText", () => {
  it("accepts ordinary text, emoji and combining marks", () => {
    expect(findUnstorableText({ prompt: "Survey 👩‍👩‍👧 files, café\u0301", tags: ["a", "b"], n: 5, none: null })).toBeNull();
    expect(findUnstorableText(undefined)).toBeNull();
  });

  it("names the field holding a NUL character", () => {
    expect(findUnstorableText({ profile: { name: "x\u0000" } })).toEqual({ path: "profile.name", problem: "contains a NUL character (\\u0000)" });
    expect(findUnstorableText("\u0000")).toEqual({ path: "input", problem: "contains a NUL character (\\u0000)" });
  });

  it("names the field holding a lone surrogate, in arrays too", () => {
    expect(findUnstorableText({ capabilities: ["ok", "\ud800"] })).toEqual({ path: "capabilities.1", problem: "contains broken Unicode (a lone surrogate)" });
  });

  it("checks keys and survives deep nesting", () => {
    expect(findUnstorableText({ ["bad\u0000key"]: 1 })?.problem).toBe("has a key that contains a NUL character (\\u0000)");
    let deep: unknown = "\udfff";
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(findUnstorableText(deep)?.problem).toBe("contains broken Unicode (a lone surrogate)");
  });
});
