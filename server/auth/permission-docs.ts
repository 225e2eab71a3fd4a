// Where the README keeps the rendered permission matrix.
export const PERMISSION_TABLE_START = "<!-- permissions:start -->";
export const PERMISSION_TABLE_END = "<!-- permissions:end -->";

export function extractPermissionTable(readme: string): string | null {
  const start = readme.indexOf(PERMISSION_TABLE_START);
  const end = readme.indexOf(PERMISSION_TABLE_END);
  return start < 0 || end < start ? null : readme.slice(start + PERMISSION_TABLE_START.length, end).trim();
}

export function replacePermissionTable(readme: string, table: string): string | null {
  const start = readme.indexOf(PERMISSION_TABLE_START);
  const end = readme.indexOf(PERMISSION_TABLE_END);
  if (start < 0 || end < start) return null;
  return `${readme.slice(0, start + PERMISSION_TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}
