import { describe, expect, it } from "vitest";
import { matchCommands, paletteCommands } from "./palette-commands";

const labels = (commands: { label: string }[]) => commands.map((c) => c.label);

describe("palette commands", () => {
  it("offers admin pages to admins only, and task creation to those who may create", () => {
    const member = paletteCommands({ isAdmin: false, canCreate: false, theme: "system", notificationsOn: false });
    expect(labels(member)).not.toContain("Members");
    expect(labels(member)).not.toContain("Create a task");
    const admin = paletteCommands({ isAdmin: true, canCreate: true, theme: "system", notificationsOn: false });
    expect(labels(admin)).toEqual(expect.arrayContaining(["Members", "Audit log", "Create a task"]));
    expect(admin.find((c) => c.label === "Create a task")?.run).toEqual({ kind: "navigate", href: "/tasks/new" });
  });

  it("offers the themes that are not the current one, and the opposite of the notification setting", () => {
    const commands = paletteCommands({ isAdmin: false, canCreate: true, theme: "dark", notificationsOn: true });
    expect(labels(commands)).toEqual(expect.arrayContaining(["Switch to the light theme", "Use the system's theme", "Turn off desktop notifications"]));
    expect(labels(commands)).not.toContain("Switch to the dark theme");
  });

  it("matches every typed word against the label and keywords, in any order and case", () => {
    const commands = paletteCommands({ isAdmin: true, canCreate: true, theme: "light", notificationsOn: false });
    expect(labels(matchCommands(commands, "DARK theme"))).toEqual(["Switch to the dark theme"]);
    expect(labels(matchCommands(commands, "log audit"))).toEqual(["Audit log"]);
    expect(labels(matchCommands(commands, "new task"))).toEqual(["Create a task"]);
    expect(matchCommands(commands, "zzz")).toEqual([]);
    expect(matchCommands(commands, "  ")).toHaveLength(commands.length);
  });
});
