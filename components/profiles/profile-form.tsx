"use client";
// The form admins create and edit agent profiles with. The server checks every rule; its
// messages appear next to the fields they are about and, as links to them, at the top.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { errorMessage } from "@/components/live/error-message";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LinkButton } from "@/components/ui/link-button";
import { profileFieldErrors } from "./profile-field-errors";
import { toProfileFields, type ProfileFieldErrors, type ProfileFieldName, type ProfileFields, type ProfileFormValues } from "./profile-form-values";
import { IdentitySection, InstructionsSection, ToolsSection } from "./profile-identity-sections";
import { FIELD_LABELS } from "./profile-labels";
import { ApprovalsSection, FleetSection, LimitsSection } from "./profile-limit-sections";
import { savedNoticeQuery, type SaveOutcome } from "./saved-notice";

export function ProfileForm({ profileId, initialValues }: { profileId?: string; initialValues: ProfileFormValues }) {
  const id = useId();
  const router = useRouter();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(initialValues);
  const [localErrors, setLocalErrors] = useState<ProfileFieldErrors | null>(null);
  const [failures, setFailures] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  const save = useMutation({
    mutationFn: async (fields: ProfileFields): Promise<{ name: string; outcome: SaveOutcome }> => {
      if (!profileId) return { name: (await client.profile.create.mutate(fields)).name, outcome: "created" };
      const updated = await client.profile.update.mutate({ id: profileId, profile: fields });
      return { name: updated.name, outcome: updated.changed.length > 0 ? "updated" : "unchanged" };
    },
    onSuccess: async ({ name, outcome }) => {
      await Promise.all([
        queryClient.invalidateQueries(trpc.agent.profiles.pathFilter()),
        queryClient.invalidateQueries(trpc.profile.byId.pathFilter()),
        queryClient.invalidateQueries(trpc.audit.list.pathFilter()),
      ]);
      router.push(`/admin/profiles?${savedNoticeQuery(name, outcome)}`);
    },
    onError: () => setFailures((n) => n + 1),
  });

  // After a refused save, move focus to the summary so keyboard and screen-reader users hear why.
  useEffect(() => {
    if (failures > 0) summaryRef.current?.focus();
  }, [failures]);

  // The server's refusal, with the form's own words for a number it could not read.
  const errors = { ...profileFieldErrors(save.error), ...localErrors };
  const failed = localErrors !== null || save.isError;
  const fieldId = (field: ProfileFieldName) => `${id}-${field}`;
  const onChange = <K extends keyof ProfileFormValues>(field: K, value: ProfileFormValues[K]) => setValues((current) => ({ ...current, [field]: value }));
  const section = { values, errors, fieldId, onChange, disabled: save.isPending || save.isSuccess };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const { fields, errors: unreadable } = toProfileFields(values);
    setLocalErrors(Object.keys(unreadable).length > 0 ? unreadable : null);
    save.mutate(fields);
  };

  return (
    <form onSubmit={submit} noValidate aria-describedby={failed ? `${id}-summary` : undefined} className="space-y-6">
      {failed ? (
        <div ref={summaryRef} id={`${id}-summary`} tabIndex={-1} className="outline-none">
          <ErrorSummary errors={errors} fallback={save.error ? errorMessage(save.error) : null} fieldId={fieldId} />
        </div>
      ) : null}
      <IdentitySection {...section} />
      <InstructionsSection {...section} />
      <ToolsSection {...section} />
      <LimitsSection {...section} />
      <ApprovalsSection {...section} />
      <FleetSection {...section} />
      <Alert tone="info" title="When changes take effect">
        Nothing restarts. The daemon applies min and max agents on its next sync; running agents use the new prompt, tools and limits from their next
        subtask on.
      </Alert>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={save.isPending || save.isSuccess}>
          {save.isPending || save.isSuccess ? "Saving…" : profileId ? "Save changes" : "Create profile"}
        </Button>
        <LinkButton href="/admin/profiles">Cancel</LinkButton>
      </div>
    </form>
  );
}

function ErrorSummary({ errors, fallback, fieldId }: { errors: ProfileFieldErrors; fallback: string | null; fieldId: (field: ProfileFieldName) => string }) {
  const entries = (Object.keys(FIELD_LABELS) as ProfileFieldName[]).flatMap((field) => (errors[field] ?? []).map((message) => ({ field, message })));
  return (
    <Alert title="The profile was not saved">
      {entries.length === 0 ? (
        fallback
      ) : (
        <ul className="mt-1 list-disc space-y-0.5 pl-5 whitespace-normal">
          {entries.map(({ field, message }) => (
            <li key={`${field}:${message}`}>
              <a
                href={`#${fieldId(field)}`}
                className="underline underline-offset-2"
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(fieldId(field))?.focus();
                }}
              >
                {FIELD_LABELS[field]}
              </a>
              : {message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
