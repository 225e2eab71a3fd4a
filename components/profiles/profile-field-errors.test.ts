// Mapping a refused profile save onto the form's fields, for create (fieldErrors per field) and
// update (fields only named in the message).
import { describe, expect, it } from "vitest";
import { profileFieldErrors } from "./profile-field-errors";

function trpcError(message: string, data: Record<string, unknown>) {
  return Object.assign(new Error(message), { data });
}

describe("profileFieldErrors", () => {
  it("uses fieldErrors from create, once per message", () => {
    const error = trpcError("name: use 2–40 lowercase letters; maxAgents: must be at least the minimum number of agents", {
      code: "BAD_REQUEST",
      fieldErrors: { name: ["use 2–40 lowercase letters"], maxAgents: ["must be at least the minimum number of agents"] },
    });
    expect(profileFieldErrors(error)).toEqual({ name: ["use 2–40 lowercase letters"], maxAgents: ["must be at least the minimum number of agents"] });
  });

  it("reads the fields of an update from the message, including array items", () => {
    const error = trpcError("profile.maxAgents: must be at least the minimum number of agents; profile.capabilities.1: capabilities are short lowercase words, e.g. analyze", {
      code: "BAD_REQUEST",
      fieldErrors: { profile: ["must be at least the minimum number of agents", "capabilities are short lowercase words, e.g. analyze"] },
    });
    expect(profileFieldErrors(error)).toEqual({
      maxAgents: ["must be at least the minimum number of agents"],
      capabilities: ["capabilities are short lowercase words, e.g. analyze"],
    });
  });

  it("puts a duplicate name next to the name", () => {
    const error = trpcError('A profile named "analyst" already exists.', { code: "CONFLICT", fieldErrors: null });
    expect(profileFieldErrors(error)).toEqual({ name: ['A profile named "analyst" already exists.'] });
  });

  it("ignores errors that name no profile field", () => {
    expect(profileFieldErrors(trpcError("id: must have at most 64 characters", { code: "BAD_REQUEST", fieldErrors: { id: ["must have at most 64 characters"] } }))).toEqual({});
    expect(profileFieldErrors(new Error("Failed to fetch"))).toEqual({});
    expect(profileFieldErrors(null)).toEqual({});
  });
});
