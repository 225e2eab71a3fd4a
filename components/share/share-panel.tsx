"use client";
// The task page's Share panel: create a read-only public link to the task, see it once, and
// list or revoke the links that still work. Shown to the roles that may create links.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "@/components/live/error-message";
import { useTRPC } from "@/components/providers/trpc";
import { Card, CardHeader } from "@/components/ui/card";
import { can, PROCEDURE_RULES } from "@/server/auth/permissions";
import { CreateShareLinkForm, type CreateShareLinkInput } from "./create-share-link-form";
import { NewShareLink, type NewShareLinkView } from "./new-share-link";
import { ShareLinkList } from "./share-link-list";

export function SharePanel({ taskId }: { taskId: string }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  const mayShare = me.data ? can(me.data.role, PROCEDURE_RULES["share.create"].role) : false;
  // Viewers never see the panel, and nobody sees it flash in before their role is known.
  if (!me.data || !mayShare) return null;
  return <ShareLinks taskId={taskId} me={{ id: me.data.id, mayRevokeAny: can(me.data.role, "revokeAnyShareLink") }} />;
}

function ShareLinks({ taskId, me }: { taskId: string; me: { id: string; mayRevokeAny: boolean } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const links = useQuery(trpc.share.list.queryOptions({ taskId }));
  // The full URL exists only in this state: the server keeps a hash and cannot show it again.
  const [created, setCreated] = useState<NewShareLinkView | null>(null);
  const refreshList = () => void queryClient.invalidateQueries(trpc.share.list.queryFilter({ taskId }));

  const create = useMutation(
    trpc.share.create.mutationOptions({
      onSuccess: (link) => setCreated({ id: link.id, url: window.location.origin + link.path, expiresAt: link.expiresAt, includeLogs: link.includeLogs }),
      onSettled: refreshList,
    }),
  );
  const revoke = useMutation(
    trpc.share.revoke.mutationOptions({
      onSuccess: (_result, { id }) => setCreated((shown) => (shown?.id === id ? null : shown)),
      onSettled: refreshList,
    }),
  );

  const submit = (input: CreateShareLinkInput) => {
    setCreated(null);
    create.mutate({ taskId, ...input });
  };

  return (
    <Card data-testid="share-panel">
      <CardHeader title="Share" description="Anyone with a share link can read this task’s title, prompt, plan and result without signing in." />
      <div className="space-y-4 p-4">
        <CreateShareLinkForm onSubmit={submit} pending={create.isPending} error={create.error ? errorMessage(create.error) : null} />
        {created ? <NewShareLink key={created.id} link={created} onDismiss={() => setCreated(null)} /> : null}
      </div>
      <ShareLinkList
        links={links}
        canRevoke={(link) => me.mayRevokeAny || link.createdById === me.id}
        isMine={(link) => link.createdById === me.id}
        revoke={{ onRevoke: (id) => revoke.mutate({ id }), pendingId: revoke.isPending ? revoke.variables.id : null, error: revoke.error ? errorMessage(revoke.error) : null }}
      />
    </Card>
  );
}
