// The text to show for a failed request: tRPC errors already carry a readable server message.
export function errorMessage(error: unknown): string {
  // The browser's own wording for a dropped connection says nothing about what to do.
  if (error instanceof Error && /failed to fetch|networkerror|load failed/i.test(error.message)) {
    return "Could not reach the Baton server. Check that it is running, then try again.";
  }
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === "string" && error) return error;
  return "Something went wrong. Try again.";
}

/** The fields a validation error names (the API's `data.fieldErrors`), or null for any other error. */
export function fieldErrorsOf(error: unknown): Record<string, string[]> | null {
  const data = (error as { data?: { fieldErrors?: Record<string, string[] | undefined> | null } } | null)?.data;
  if (!data?.fieldErrors) return null;
  const entries = Object.entries(data.fieldErrors).filter((entry): entry is [string, string[]] => Array.isArray(entry[1]) && entry[1].length > 0);
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}

/**
 * A form's onChange that clears the mutation's last refusal (with `andSaved`, its success too):
 * once a field changes the message may no longer hold, and the browser's own check may block the
 * next submit before the server is asked, which would leave it beside the new attempt.
 */
export const clearAnswerOnEdit =
  (mutation: { isError: boolean; isSuccess: boolean; reset: () => void }, { andSaved = false } = {}) =>
  () => {
    if (mutation.isError || (andSaved && mutation.isSuccess)) mutation.reset();
  };

/**
 * A refusal as a form shows it: each field the server named, by the form's label for it
 * ("Budget must be at most $1,000,000", not "budgetUsd: …"), one per line; any other error as
 * the server worded it.
 */
export function formErrorMessage(error: unknown, labels: Readonly<Record<string, string>>): string {
  const fields = fieldErrorsOf(error);
  if (!fields) return errorMessage(error);
  return Object.entries(fields)
    .map(([field, messages]) => `${labels[field] ?? field} ${messages[0]}`)
    .join("\n");
}
