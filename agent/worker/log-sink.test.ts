import { describe, expect, it } from "vitest";
import { lastSentenceEnd } from "./log-sink";

describe("lastSentenceEnd", () => {
  it("cuts after the last finished sentence or line", () => {
    expect(lastSentenceEnd("I'll list the files. Then I")).toBe("I'll list the files. ".length);
    expect(lastSentenceEnd("one\ntwo")).toBe(4);
    expect(lastSentenceEnd('It says "done." and')).toBe('It says "done." '.length);
  });
  it("keeps a fragment open", () => {
    expect(lastSentenceEnd("Let me start by looking at wh")).toBe(0);
    expect(lastSentenceEnd("version 1.2.3 is")).toBe(0);
  });
});
