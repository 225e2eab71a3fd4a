// The document around every page. The dashboard and the public pages (sign-in, shared results)
// each add their own shell in their route group.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Baton",
  description: "Control center for fleets of Claude agents",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
