import { describe, expect, it } from "vitest";
import { findUnstorableText } from "../../api/unstorable-text";
import { storableJson, storableText } from "./storable-text";

describe("storableText", () => {
  it("replaces NUL characters and lone surrogates, and keeps whole emoji", () => {
    expect(storableText("a\u0000b")).toBe("a\ufffdb");
    expect(storableText("cut \ud83d")).toBe("cut \ufffd");
    expect(storableText("\ude00 tail")).toBe("\ufffd tail");
    expect(storableText("fine 😀")).toBe("fine 😀");
  });
});

describe("storableJson", () => {
  it("makes every string storable, keys included, and leaves clean values as they were", () => {
    const dirty = { "k\u0000": ["x\ud800", { n: 1, ok: true, nested: "\u0000" }], clean: "yes" };
    const cleaned = storableJson(dirty);
    expect(findUnstorableText(cleaned)).toBeNull();
    expect(cleaned).toEqual({ "k\ufffd": ["x\ufffd", { n: 1, ok: true, nested: "\ufffd" }], clean: "yes" });
    const clean = { a: [1, "two", { three: null }] };
    expect(storableJson(clean)).toBe(clean);
  });
});
