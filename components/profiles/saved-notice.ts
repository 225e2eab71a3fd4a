// The short notice the profiles list shows after a save: carried in the URL from the form, so
// it survives the navigation, and worded here so form and list agree.
export type SaveOutcome = "created" | "updated" | "unchanged";

export function savedNoticeQuery(name: string, outcome: SaveOutcome): string {
  return new URLSearchParams({ saved: name, outcome }).toString();
}

export function savedNoticeText(params: { saved?: string | string[]; outcome?: string | string[] }): string | null {
  const name = typeof params.saved === "string" ? params.saved : null;
  if (!name) return null;
  switch (params.outcome) {
    case "created":
      return `Created “${name}”. The daemon starts its agents on its next sync.`;
    case "unchanged":
      return `Nothing changed in “${name}”.`;
    default:
      return `Saved “${name}”.`;
  }
}
