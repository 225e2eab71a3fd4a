// Where a refused sign-in lands: says why, and what to do about it.
import type { Metadata } from "next";
import { LinkButton } from "@/components/ui/link-button";
import { env } from "@/server/env";

export const metadata: Metadata = { title: "Not invited · Baton" };

const REASONS: Record<string, { title: string; body: string }> = {
  "not-invited": {
    title: "You’re not invited to this Baton",
    body: "Your e-mail address is not on an invitation and its domain is not one this team lets in. Ask an admin of this Baton to invite you, then sign in again.",
  },
  removed: { title: "Your access has been removed", body: "An admin removed your account from this Baton. Ask an admin if you think this is a mistake." },
  unverified: { title: "Your e-mail address is not verified", body: "The sign-in provider did not confirm that your e-mail address is verified. Verify it with the provider, then sign in again; if your provider never confirms addresses, ask an admin of this Baton." },
  "no-email": { title: "No e-mail address was shared", body: "The sign-in provider did not share an e-mail address, which Baton needs to know who you are. Allow access to your e-mail and try again." },
};

export default async function NotInvitedPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const { reason } = await searchParams;
  const { title, body } = REASONS[reason ?? ""] ?? REASONS["not-invited"]!;
  return (
    <div className="mx-auto max-w-md py-8 text-center" data-testid="not-invited">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-3 text-muted">{body}</p>
      {env.BATON_DEV_LOGIN && (reason ?? "not-invited") === "not-invited" ? (
        <p className="mt-3 text-sm text-muted">
          With the development sign-in, only the very first address becomes the owner without an invitation. This Baton already has people: sign in with the
          e-mail of one of them, or have its owner invite this address.
        </p>
      ) : null}
      <LinkButton href="/signin" className="mt-6">
        Back to sign-in
      </LinkButton>
    </div>
  );
}
