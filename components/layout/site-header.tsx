// The bar on every dashboard page: product name, navigation, search (the command palette),
// live-connection state, the signed-in user and a menu with theme and notification settings and
// sign-out. Below the `xl` breakpoint the navigation and the user move into the menu.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { Role } from "@/server/db/generated/enums";
import { can } from "@/server/auth/permissions";
import { ROLE_LABELS } from "@/server/auth/roles";
import { BatonMark } from "./baton-mark";
import { ConnectionIndicator } from "./connection-indicator";
import { HeaderMenu } from "./header-menu";
import { NavLinks } from "./nav-links";
import { PaletteButton } from "./palette-button";

export function SiteHeader({ actor }: { actor: { email: string; role: Role } }) {
  const isAdmin = can(actor.role, "ADMIN");
  return (
    <header className="border-b border-border bg-surface">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-x-4 px-4 sm:px-6">
        <Link href="/" className="shrink-0 text-foreground">
          <BatonMark />
        </Link>
        <NavLinks isAdmin={isAdmin} className="hidden xl:flex" />
        <div className="ml-auto flex min-w-0 items-center gap-2 sm:gap-3">
          <PaletteButton />
          <ConnectionIndicator />
          <div className="hidden shrink-0 items-center gap-2 text-sm xl:flex" data-testid="signed-in-user">
            {/* Below 2xl the navigation needs the room: the address is read out, and shown in the menu. */}
            <span className="sr-only truncate text-muted 2xl:not-sr-only 2xl:max-w-48" title={actor.email}>
              {actor.email}
            </span>
            <Badge tone="neutral">{ROLE_LABELS[actor.role]}</Badge>
          </div>
          <HeaderMenu email={actor.email} roleLabel={ROLE_LABELS[actor.role]} isAdmin={isAdmin} />
        </div>
      </div>
    </header>
  );
}
