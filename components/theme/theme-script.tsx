"use client";
// The pre-paint theme script, in the server's HTML only: the browser runs it there, before the
// first paint. A render on the client (a page that falls back to client rendering, a 404 in
// development) would create a script element that never runs, which React warns about; there
// ThemeSync sets the class instead. React 19 lets hydration pass over the server's extra tag.
import { themeScript } from "./theme-preference";

export function ThemeScript() {
  if (typeof window !== "undefined") return null;
  return <script dangerouslySetInnerHTML={{ __html: themeScript }} />;
}
