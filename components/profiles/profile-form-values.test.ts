// The profile form's conversions: capabilities typed as one line, numbers typed as text.
import { describe, expect, it } from "vitest";
import { NEW_PROFILE_VALUES, parseCapabilities, toFormValues, toProfileFields, type ProfileFields } from "./profile-form-values";

const analyst: ProfileFields = {
  name: "analyst",
  description: "Reads files.",
  capabilities: ["read", "analyze"],
  model: null,
  systemPrompt: "You read.",
  allowedTools: ["list_files", "read_file"],
  maxTurns: 12,
  timeoutSeconds: 300,
  memoryLimitMb: 512,
  networkAllowed: false,
  approvalMode: "COMMANDS",
  approvalTimeoutSeconds: 600,
  minAgents: 2,
  maxAgents: 3,
  maxConcurrentCalls: null,
};

describe("parseCapabilities", () => {
  it("splits on commas and spaces, lowercases and drops repeats and blanks", () => {
    expect(parseCapabilities("Read, analyze  research,, read ,")).toEqual(["read", "analyze", "research"]);
    expect(parseCapabilities("   ")).toEqual([]);
  });
});

describe("toFormValues / toProfileFields", () => {
  it("round-trips a stored profile", () => {
    const values = toFormValues(analyst);
    expect(values.capabilities).toBe("read, analyze");
    expect(values.model).toBe("");
    expect(values.maxConcurrentCalls).toBe("");
    expect(toProfileFields(values)).toEqual({ errors: {}, fields: analyst });
  });

  it("sends a blank model and a blank call cap as null, and trims numbers and the name", () => {
    const result = toProfileFields({ ...toFormValues(analyst), name: " analyst ", model: "  ", maxTurns: " 20 ", maxConcurrentCalls: "4" });
    expect(result).toMatchObject({ errors: {}, fields: { name: "analyst", model: null, maxTurns: 20, maxConcurrentCalls: 4 } });
  });

  it("leaves ranges to the server, and sends text that is not a whole number as NaN, which the server refuses", () => {
    expect(toProfileFields({ ...NEW_PROFILE_VALUES, minAgents: "3", maxAgents: "1" })).toMatchObject({ errors: {}, fields: { minAgents: 3, maxAgents: 1 } });
    const result = toProfileFields({ ...NEW_PROFILE_VALUES, maxTurns: "", memoryLimitMb: "1.5", minAgents: "two", name: "" });
    expect(result.errors).toEqual({ maxTurns: ["enter a whole number"], memoryLimitMb: ['"1.5" is not a whole number'], minAgents: ['"two" is not a whole number'] });
    expect(result.fields).toMatchObject({ maxTurns: NaN, memoryLimitMb: NaN, minAgents: NaN, name: "" });
  });

  it("keeps tools in the server's order and drops names it no longer offers", () => {
    const values = { ...toFormValues(analyst), allowedTools: ["read_file", "browse_web", "list_files"] };
    expect(toProfileFields(values)).toMatchObject({ errors: {}, fields: { allowedTools: ["list_files", "read_file"] } });
  });
});
