import { describe, expect, it } from "vitest";
import { clearAnswerOnEdit, errorMessage, fieldErrorsOf, formErrorMessage } from "./error-message";

/** What a tRPC client error carries: the server's message and its `data`. */
const refusal = (message: string, fieldErrors: Record<string, string[]> | null) => Object.assign(new Error(message), { data: { code: "BAD_REQUEST", fieldErrors } });

describe("formErrorMessage", () => {
  const labels = { defaultTaskBudgetUsd: "Default task budget", maxTaskBudgetUsd: "Members' ceiling" };

  it("names each refused field by the form's label, one per line", () => {
    const error = refusal("defaultTaskBudgetUsd: must not be above the ceiling; maxTaskBudgetUsd: must be more than $0", {
      defaultTaskBudgetUsd: ["must not be above the ceiling"],
      maxTaskBudgetUsd: ["must be more than $0"],
    });
    expect(formErrorMessage(error, labels)).toBe("Default task budget must not be above the ceiling\nMembers' ceiling must be more than $0");
  });

  it("keeps a field the form has no label for, and any other error as the server worded it", () => {
    expect(formErrorMessage(refusal("extra: is required", { extra: ["is required"] }), labels)).toBe("extra is required");
    expect(formErrorMessage(refusal("Only admins can change the settings.", null), labels)).toBe("Only admins can change the settings.");
    expect(formErrorMessage(new TypeError("Failed to fetch"), labels)).toBe(errorMessage(new TypeError("Failed to fetch")));
  });

  it("reads no field errors from an error without them", () => {
    expect(fieldErrorsOf(refusal("x", { a: [] }))).toBeNull();
    expect(fieldErrorsOf(null)).toBeNull();
  });
});

describe("clearAnswerOnEdit", () => {
  const mutation = (isError: boolean, isSuccess: boolean) => {
    const state = { isError, isSuccess, resets: 0, reset: () => void state.resets++ };
    return state;
  };

  it("clears a refusal on an edit, and a success only when asked to", () => {
    const refused = mutation(true, false);
    clearAnswerOnEdit(refused)();
    expect(refused.resets).toBe(1);
    const saved = mutation(false, true);
    clearAnswerOnEdit(saved)();
    expect(saved.resets).toBe(0);
    clearAnswerOnEdit(saved, { andSaved: true })();
    expect(saved.resets).toBe(1);
  });
});
