import { describe, expect, it } from "vitest";
import { parsePreference, resolveTheme, themeScript } from "./theme-preference";

describe("theme preference", () => {
  it("falls back to the system for anything it does not know", () => {
    expect(parsePreference("dark")).toBe("dark");
    expect(parsePreference("light")).toBe("light");
    expect(parsePreference(null)).toBe("system");
    expect(parsePreference("sepia")).toBe("system");
  });

  it("follows the system only when asked to", () => {
    expect(resolveTheme("system", true)).toBe("dark");
    expect(resolveTheme("system", false)).toBe("light");
    expect(resolveTheme("light", true)).toBe("light");
    expect(resolveTheme("dark", false)).toBe("dark");
  });

  it("the pre-paint script sets the class the same way", () => {
    for (const [stored, systemDark, dark] of [
      ["dark", false, true],
      ["light", true, false],
      [null, true, true],
      [null, false, false],
      ["sepia", true, true],
    ] as const) {
      const classes = new Set<string>();
      const document = { documentElement: { classList: { toggle: (name: string, on: boolean) => (on ? classes.add(name) : classes.delete(name)) } } };
      const localStorage = { getItem: () => stored };
      const matchMedia = () => ({ matches: systemDark });
      new Function("document", "localStorage", "matchMedia", themeScript)(document, localStorage, matchMedia);
      expect(classes.has("dark")).toBe(dark);
    }
  });
});
