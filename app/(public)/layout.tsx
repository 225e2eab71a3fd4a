// The shell for pages seen without signing in: sign-in, refusals and shared results.
import Link from "next/link";
import type { ReactNode } from "react";
import { DevLoginBanner } from "@/components/layout/dev-login-banner";
import { BatonMark } from "@/components/layout/baton-mark";
import { env } from "@/server/env";

export const dynamic = "force-dynamic";

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="border-b border-border bg-surface">
        <div className="mx-auto flex h-14 max-w-4xl items-center px-4 sm:px-6">
          <Link href="/" className="text-foreground">
            <BatonMark />
          </Link>
        </div>
      </header>
      {env.BATON_DEV_LOGIN ? <DevLoginBanner /> : null}
      <main className="mx-auto max-w-4xl px-4 py-10 sm:px-6">{children}</main>
    </>
  );
}
