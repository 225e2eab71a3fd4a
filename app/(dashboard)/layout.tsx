// The signed-in shell: header with the user's menu, environment banners, the live providers, the
// command palette (Ctrl/⌘+K) and the desktop notifications for the user's own tasks.
// Pages check access themselves (see server/auth/page-access.ts); this only reads who is here.
import type { ReactNode } from "react";
import { CommandPaletteProvider } from "@/components/command-palette/command-palette";
import { DevLoginBanner } from "@/components/layout/dev-login-banner";
import { FleetPauseBanner } from "@/components/layout/fleet-pause-banner";
import { SimulatedBanner } from "@/components/layout/simulated-banner";
import { SiteHeader } from "@/components/layout/site-header";
import { TaskEndNotifier } from "@/components/notifications/task-end-notifier";
import { AppProviders } from "@/components/providers/app-providers";
import { requirePageActor } from "@/server/auth/page-access";
import { can, PROCEDURE_RULES } from "@/server/auth/permissions";
import { env } from "@/server/env";

// The banners depend on this process's environment, not on anything known at build time.
export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  return (
    <AppProviders>
      <CommandPaletteProvider isAdmin={can(actor.role, "ADMIN")} canCreate={can(actor.role, PROCEDURE_RULES["task.create"].role)}>
        {/* The first stop of Tab: past the navigation to the page itself. */}
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-surface focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-foreground focus:shadow-md focus:ring-2 focus:ring-accent"
        >
          Skip to content
        </a>
        <SiteHeader actor={{ email: actor.email, role: actor.role }} />
        {env.BATON_DEV_LOGIN ? <DevLoginBanner /> : null}
        {!env.ANTHROPIC_API_KEY ? <SimulatedBanner /> : null}
        <FleetPauseBanner />
        <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 outline-none sm:px-6 sm:py-8">
          {children}
        </main>
      </CommandPaletteProvider>
      <TaskEndNotifier />
    </AppProviders>
  );
}
