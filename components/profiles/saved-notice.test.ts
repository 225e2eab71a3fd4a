// The notice the profiles list shows after a save, carried in the URL.
import { describe, expect, it } from "vitest";
import { savedNoticeQuery, savedNoticeText } from "./saved-notice";

describe("savedNoticeText", () => {
  it("reads back what the form put in the URL", () => {
    const params = Object.fromEntries(new URLSearchParams(savedNoticeQuery("reviewer", "created")));
    expect(savedNoticeText(params)).toMatch(/^Created “reviewer”/);
    expect(savedNoticeText({ saved: "analyst", outcome: "unchanged" })).toBe("Nothing changed in “analyst”.");
    expect(savedNoticeText({ saved: ["a", "b"] })).toBeNull();
    expect(savedNoticeText({})).toBeNull();
  });
});
