"use client";
// Light, dark or the system's choice: three native radios styled as a segmented control, so
// arrow keys and screen readers work as they do for any radio group.
import { useId } from "react";
import { cx } from "@/components/ui/class-names";
import { MonitorIcon, MoonIcon, SunIcon } from "@/components/ui/icons";
import type { ThemePreference } from "./theme-preference";
import { useTheme } from "./use-theme";

const OPTIONS: { value: ThemePreference; label: string; Icon: typeof SunIcon }[] = [
  { value: "light", label: "Light", Icon: SunIcon },
  { value: "dark", label: "Dark", Icon: MoonIcon },
  { value: "system", label: "System", Icon: MonitorIcon },
];

export function ThemeSwitcher() {
  const { preference, setPreference } = useTheme();
  const name = useId();
  return (
    <fieldset>
      <legend className="mb-1.5 text-xs font-medium text-muted">Theme</legend>
      <div className="grid grid-cols-3 gap-1 rounded-md border border-border bg-surface-muted p-0.5">
        {OPTIONS.map(({ value, label, Icon }) => (
          <label
            key={value}
            className={cx(
              "flex cursor-pointer items-center justify-center gap-1.5 rounded px-2 py-1 text-xs font-medium transition-colors",
              "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent",
              preference === value ? "bg-surface text-foreground shadow-sm" : "text-muted hover:text-foreground",
            )}
          >
            <input type="radio" name={name} value={value} checked={preference === value} onChange={() => setPreference(value)} className="sr-only" />
            <Icon className="size-3.5" />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
