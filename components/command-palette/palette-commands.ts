// The pages and actions the command palette offers besides tasks, and how typed text narrows
// them: every word must appear in the label or its keywords, in any order and case.
import { navLinksFor } from "@/components/layout/nav-links";
import type { ThemePreference } from "@/components/theme/theme-preference";

export interface PaletteCommand {
  id: string;
  group: "Pages" | "Actions";
  label: string;
  keywords: string;
  run: PaletteRun;
}

export type PaletteRun = { kind: "navigate"; href: string } | { kind: "theme"; theme: ThemePreference } | { kind: "notifications"; on: boolean };

const THEME_LABELS: Record<ThemePreference, string> = {
  light: "Switch to the light theme",
  dark: "Switch to the dark theme",
  system: "Use the system's theme",
};

export function paletteCommands(options: { isAdmin: boolean; canCreate: boolean; theme: ThemePreference; notificationsOn: boolean }): PaletteCommand[] {
  const pages: PaletteCommand[] = navLinksFor(options.isAdmin).map((link) => ({
    id: `page:${link.href}`,
    group: "Pages",
    label: link.label,
    keywords: `go open page ${link.href}`,
    run: { kind: "navigate", href: link.href },
  }));
  const actions: PaletteCommand[] = [];
  if (options.canCreate) actions.push({ id: "action:new-task", group: "Actions", label: "Create a task", keywords: "new add submit run", run: { kind: "navigate", href: "/tasks/new" } });
  for (const theme of ["light", "dark", "system"] as const) {
    if (theme !== options.theme) actions.push({ id: `action:theme-${theme}`, group: "Actions", label: THEME_LABELS[theme], keywords: "theme appearance colour color mode toggle", run: { kind: "theme", theme } });
  }
  actions.push({
    id: "action:notifications",
    group: "Actions",
    label: options.notificationsOn ? "Turn off desktop notifications" : "Turn on desktop notifications",
    keywords: "notify notifications alerts toggle",
    run: { kind: "notifications", on: !options.notificationsOn },
  });
  return [...pages, ...actions];
}

export function matchCommands(commands: PaletteCommand[], query: string): PaletteCommand[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return commands;
  return commands.filter((command) => {
    const text = `${command.label} ${command.keywords}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
