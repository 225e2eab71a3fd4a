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
