"use client";
// The dashboard's navigation; marks the section the current page belongs to.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "@/components/ui/class-names";

export interface NavLink {
  href: string;
  label: string;
  matches: (path: string) => boolean;
  adminOnly: boolean;
}

/** The dashboard's sections; the header, the phone menu and the command palette list them. */
export const NAV_LINKS: NavLink[] = [
  { href: "/", label: "Overview", matches: (path: string) => path === "/", adminOnly: false },
  { href: "/tasks", label: "Tasks", matches: (path: string) => path.startsWith("/tasks"), adminOnly: false },
  { href: "/agents", label: "Agents", matches: (path: string) => path.startsWith("/agents"), adminOnly: false },
  { href: "/analytics", label: "Analytics", matches: (path: string) => path.startsWith("/analytics"), adminOnly: false },
  { href: "/admin/profiles", label: "Profiles", matches: (path: string) => path.startsWith("/admin/profiles"), adminOnly: true },
  { href: "/settings/tokens", label: "API tokens", matches: (path: string) => path.startsWith("/settings"), adminOnly: false },
  { href: "/admin/members", label: "Members", matches: (path: string) => path.startsWith("/admin/members"), adminOnly: true },
  { href: "/admin/pricing", label: "Pricing", matches: (path: string) => path.startsWith("/admin/pricing"), adminOnly: true },
  { href: "/admin/audit", label: "Audit log", matches: (path: string) => path.startsWith("/admin/audit"), adminOnly: true },
];

export const navLinksFor = (isAdmin: boolean) => NAV_LINKS.filter((link) => isAdmin || !link.adminOnly);

/** A row on wide screens, a column in the phone menu; `onNavigate` lets the menu close itself. */
export function NavLinks({ isAdmin, layout = "row", onNavigate, className }: { isAdmin: boolean; layout?: "row" | "column"; onNavigate?: () => void; className?: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className={cx(layout === "row" ? "flex items-center gap-0.5" : "flex flex-col gap-0.5", className)}>
      {navLinksFor(isAdmin).map((link) => {
        const active = link.matches(pathname);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            onClick={onNavigate}
            className={cx(
              "rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap transition-colors",
              active ? "bg-accent-soft text-accent" : "text-muted hover:bg-surface-muted hover:text-foreground",
            )}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
