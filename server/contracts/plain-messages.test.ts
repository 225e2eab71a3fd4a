import { describe, expect, it } from "vitest";
import { z } from "zod";
import "./plain-messages";

const messages = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("plain messages for zod's own checks", () => {
  const schema = z.strictObject({
    priority: z.number().int().min(1).max(10),
    name: z.string().min(1).max(100),
    tags: z.array(z.string()).max(20).optional(),
    email: z.email().optional(),
    mode: z.enum(["NONE", "COMMANDS"]).optional(),
    memoryMb: z.number().max(65_536).optional(),
  });

  it("words ranges, sizes and types as sentences a form can put after its label", () => {
    expect(messages(schema, { priority: 11, name: "" })).toEqual(["priority: must be at most 10", "name: is empty"]);
    expect(messages(schema, { priority: 0, name: "x".repeat(101) })).toEqual(["priority: must be at least 1", "name: must have at most 100 characters"]);
    expect(messages(schema, { priority: 1.5, name: 42 })).toEqual(["priority: must be a whole number", "name: must be text"]);
    expect(messages(schema, { name: "ok" })).toEqual(["priority: is required"]);
    expect(messages(schema, { priority: 1, name: "ok", tags: Array(21).fill("t"), email: "nope", mode: "ALL", memoryMb: 70_000 })).toEqual([
      "tags: must have at most 20 items",
      "email: is not an e-mail address",
      'mode: must be one of "NONE", "COMMANDS"',
      "memoryMb: must be at most 65,536",
    ]);
    expect(messages(schema, { priority: 1, name: "ok", extra: true })).toEqual([": has an unknown field: extra"]);
  });

  it("prints bigint literals, and leaves zod's own words for date limits, which it gives in epoch milliseconds", () => {
    expect(messages(z.literal(5n), 6n)).toEqual([": must be 5"]);
    expect(messages(z.iso.datetime(), "soon")).toEqual([": is not a date and time"]);
    expect(messages(z.date().min(new Date("2026-01-01")), new Date("2025-01-01"))).toEqual([expect.not.stringMatching(/1,7\d\d,/)]);
  });

  it("leaves a schema's own message alone", () => {
    expect(messages(z.string().min(1, "is empty — name the token"), "")).toEqual([": is empty — name the token"]);
  });
});
