import { describe, expect, it } from "vitest";
import { findUnstorableText } from "../../server/api/unstorable-text";
import { createToolOutputBudget, trimMiddle } from "./trim-tool-output";

describe("trimMiddle", () => {
  it("leaves short text alone", () => {
    expect(trimMiddle("hello", 5)).toBe("hello");
  });

  it("keeps head and tail within the limit and says how much it left out", () => {
    const text = `HEAD${"x".repeat(10_000)}TAIL`;
    const trimmed = trimMiddle(text, 200);
    expect(trimmed.length).toBeLessThanOrEqual(200);
    expect(trimmed.startsWith("HEAD")).toBe(true);
    expect(trimmed.endsWith("TAIL")).toBe(true);
    const omitted = Number(/… (\d+) characters omitted …/.exec(trimmed)?.[1]);
    expect(trimmed.length - /\n… \d+ characters omitted …\n/.exec(trimmed)![0].length + omitted).toBe(text.length);
  });

  it("never cuts an emoji in half, whatever the limit", () => {
    for (const [prefix, limit] of [["", 200], ["a", 200], ["", 201], ["a", 201]] as const) {
      const text = prefix + "😀".repeat(10_000);
      const trimmed = trimMiddle(text, limit);
      expect(trimmed.length).toBeLessThanOrEqual(limit);
      expect(findUnstorableText(trimmed), `prefix "${prefix}", limit ${limit}`).toBeNull();
      const omitted = Number(/… (\d+) characters omitted …/.exec(trimmed)?.[1]);
      expect(trimmed.length - /\n… \d+ characters omitted …\n/.exec(trimmed)![0].length + omitted).toBe(text.length);
    }
  });
});

describe("the per-conversation budget", () => {
  const limits = { perResultChars: 1_000, perConversationChars: 2_500, floorChars: 100 };

  it("trims each result to the per-result limit", () => {
    const budget = createToolOutputBudget(limits);
    expect(budget.fit("a".repeat(5_000)).length).toBeLessThanOrEqual(1_000);
    expect(budget.fit("short")).toBe("short");
  });

  it("shrinks later results as the conversation fills up, down to the floor", () => {
    const budget = createToolOutputBudget(limits);
    const sizes = Array.from({ length: 5 }, () => budget.fit("b".repeat(5_000)).length);
    expect(sizes[0]).toBeLessThanOrEqual(1_000);
    expect(sizes[2]).toBeLessThanOrEqual(2_500 - sizes[0]! - sizes[1]!);
    expect(sizes[4]).toBeLessThanOrEqual(100);
    expect(budget.usedChars).toBeLessThanOrEqual(2_500 + 2 * 100);
  });
});
