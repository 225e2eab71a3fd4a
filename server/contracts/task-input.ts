// What a task is submitted with, shared by the API and the form: the limits on the prompt and
// title, and the title a task gets when none is given.
export const PROMPT_MAX_CHARS = 20_000;
export const TITLE_MAX_CHARS = 200;

/** The prompt's first sentence, shortened to 80 characters. */
export function deriveTitle(prompt: string): string {
  const firstLine = prompt.split("\n")[0]!.trim();
  const sentence = firstLine.split(/(?<=[.!?])\s/)[0]!;
  return sentence.length <= 80 ? sentence : `${sentence.slice(0, 77).trimEnd()}…`;
}
