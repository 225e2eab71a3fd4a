"use client";
// The task's share links that still open a page: who made each, when it ends, whether it shows
// the logs, and Revoke for the people allowed to use it.
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { formatFullDate, formatShortDate } from "@/components/format/time";
import { errorMessage } from "@/components/live/error-message";
import type { RouterOutputs } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";

export type ShareLinkView = RouterOutputs["share"]["list"][number];

export interface RevokeControl {
  onRevoke: (id: string) => void;
  /** The link whose revoke request is in flight. */
  pendingId: string | null;
  error: string | null;
}

// One grid on wide screens, shared by the header and every row through subgrid so the columns
// line up whatever the Revoke cell holds; on phones each link wraps onto two lines and its cells
// carry their own labels, so Revoke never scrolls out of sight.
const grid = "sm:grid sm:grid-cols-[minmax(0,1.5fr)_1fr_1fr_1fr_auto] sm:gap-x-3";
const subgrid = "sm:col-span-5 sm:grid sm:grid-cols-subgrid";
const row = `${subgrid} flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 sm:gap-x-3`;
const HEADINGS = ["Created by", "Created", "Expires", "Logs"];

function When({ date }: { date: Date }) {
  return (
    <time dateTime={date.toISOString()} title={formatFullDate(date)}>
      {formatShortDate(date)}
    </time>
  );
}

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <span className="text-sm text-muted tabular-nums">
      <span className="text-subtle sm:sr-only">{label} </span>
      {children}
    </span>
  );
}

export function ShareLinkList({
  links,
  canRevoke,
  isMine,
  revoke,
}: {
  links: UseQueryResult<ShareLinkView[], unknown>;
  canRevoke: (link: ShareLinkView) => boolean;
  isMine: (link: ShareLinkView) => boolean;
  revoke: RevokeControl;
}) {
  if (links.isPending) {
    return (
      <div className="space-y-2 border-t border-border p-4">
        <Skeleton className="h-5 w-2/3" />
        <Skeleton className="h-5 w-1/2" />
      </div>
    );
  }
  if (links.isError) {
    return (
      <div className="border-t border-border p-4">
        <Alert title="Could not load the share links">{errorMessage(links.error)}</Alert>
      </div>
    );
  }
  if (links.data.length === 0) {
    return (
      <EmptyState title="No active share links" className="border-t border-border py-8">
        Links you create appear here until they expire or are revoked.
      </EmptyState>
    );
  }
  return (
    <div className="border-t border-border" data-testid="share-link-list">
      <h3 className="px-4 pt-3 pb-2 text-xs font-medium text-muted">Active links ({links.data.length})</h3>
      {revoke.error ? (
        <Alert className="mx-4 mb-3" title="The link was not revoked">
          {revoke.error}
        </Alert>
      ) : null}
      <div className={grid}>
        <div aria-hidden className={`${subgrid} hidden border-y border-border bg-surface-muted/60 px-4 py-2 text-xs font-medium tracking-wide text-subtle uppercase`}>
          {HEADINGS.map((heading) => (
            <span key={heading}>{heading}</span>
          ))}
        </div>
        <ul className={`${subgrid} divide-y divide-border border-t border-border sm:border-t-0`}>
          {links.data.map((link) => (
            <li key={link.id} className={row} data-testid="share-link-row">
              <span className="w-full truncate text-sm text-foreground sm:w-auto" title={link.createdByEmail ?? undefined}>
                <span className="sr-only">Created by </span>
                {isMine(link) ? "You" : (link.createdByEmail ?? <span className="text-subtle">a removed user</span>)}
              </span>
              <Labelled label="Created">
                <When date={link.createdAt} />
              </Labelled>
              <Labelled label="Expires">{link.expiresAt ? <When date={link.expiresAt} /> : "never"}</Labelled>
              <Labelled label="Logs">{link.includeLogs ? "included" : "not included"}</Labelled>
              <span className="ml-auto sm:ml-0 sm:text-right">
                {canRevoke(link) ? (
                  <ConfirmButton
                    label="Revoke"
                    question="Revoke this link?"
                    confirmLabel="Revoke link"
                    pendingLabel="Revoking…"
                    pending={revoke.pendingId === link.id}
                    onConfirm={() => revoke.onRevoke(link.id)}
                  />
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
