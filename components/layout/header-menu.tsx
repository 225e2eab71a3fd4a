"use client";
// The header's menu: who is signed in, theme and notification settings, sign-out; on narrower
// screens also the navigation, which the wide header shows inline. A native popover
// gives light dismiss, Escape and the expanded state of its button for free.
import { useId, useRef } from "react";
import { NotificationToggle } from "@/components/notifications/notification-toggle";
import { ThemeSwitcher } from "@/components/theme/theme-switcher";
import { Badge } from "@/components/ui/badge";
import { MenuIcon } from "@/components/ui/icons";
import { signOutNow } from "@/server/auth/actions";
import { NavLinks } from "./nav-links";

export function HeaderMenu({ email, roleLabel, isAdmin }: { email: string; roleLabel: string; isAdmin: boolean }) {
  const id = useId();
  const panel = useRef<HTMLDivElement>(null);
  const hide = () => panel.current?.hidePopover();
  return (
    <>
      <button
        type="button"
        popoverTarget={`${id}-menu`}
        aria-label="Menu"
        className="grid size-9 place-items-center rounded-md text-muted hover:bg-surface-muted hover:text-foreground"
      >
        <MenuIcon className="size-5" />
      </button>
      <div
        ref={panel}
        id={`${id}-menu`}
        popover="auto"
        data-testid="header-menu"
        className="fixed inset-auto top-14 right-2 m-0 max-h-[calc(100dvh-4.5rem)] w-80 max-w-[calc(100vw-1rem)] overflow-y-auto rounded-lg border border-border bg-surface p-0 text-foreground shadow-xl"
      >
        <div className="border-b border-border p-3">
          <div className="flex min-w-0 items-center gap-2 px-1 text-sm" data-testid="menu-signed-in-user">
            <span className="min-w-0 truncate text-muted">{email}</span>
            <Badge tone="neutral">{roleLabel}</Badge>
          </div>
          <NavLinks isAdmin={isAdmin} layout="column" onNavigate={hide} className="mt-2 xl:hidden" />
        </div>
        <div className="space-y-4 p-4">
          <ThemeSwitcher />
          <NotificationToggle />
        </div>
        <form action={signOutNow} className="border-t border-border p-2">
          <button type="submit" className="w-full rounded-md px-3 py-2 text-left text-sm font-medium text-muted hover:bg-surface-muted hover:text-foreground">
            Sign out
          </button>
        </form>
      </div>
    </>
  );
}
