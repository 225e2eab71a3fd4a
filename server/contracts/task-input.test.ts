import { describe, expect, it } from "vitest";
import { deriveTitle } from "./task-input";

describe("deriveTitle", () => {
  it("uses the first sentence of the first line", () => {
    expect(deriveTitle("Survey the files. Then report.\nMore")).toBe("Survey the files.");
  });
  it("shortens long prompts at 80 characters", () => {
    const title = deriveTitle("word ".repeat(40));
    expect(title.length).toBeLessThanOrEqual(80);
    expect(title.endsWith("…")).toBe(true);
  });
});
