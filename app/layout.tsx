// The shell around every page: header, the simulated-model warning and the client providers.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SimulatedBanner } from "@/components/layout/simulated-banner";
import { SiteHeader } from "@/components/layout/site-header";
import { AppProviders } from "@/components/providers/app-providers";
import { env } from "@/server/env";
import "./globals.css";

// The banner depends on this process's environment, not on anything known at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Baton",
  description: "Control center for fleets of Claude agents",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <AppProviders>
          <SiteHeader />
          {!env.ANTHROPIC_API_KEY ? <SimulatedBanner /> : null}
          <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">{children}</main>
        </AppProviders>
      </body>
    </html>
  );
}
