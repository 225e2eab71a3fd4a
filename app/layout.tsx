// The document around every page. The dashboard and the public pages (sign-in, shared results)
// each add their own shell in their route group.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ThemeScript } from "@/components/theme/theme-script";
import { ThemeSync } from "@/components/theme/theme-sync";
import "./globals.css";

export const metadata: Metadata = {
  title: "Baton",
  description: "Control center for fleets of Claude agents",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The pre-paint script sets the theme's class on <html>, so React must not compare it.
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="min-h-screen">
        <ThemeSync />
        {children}
      </body>
    </html>
  );
}
