// The second half of the profile form: how far one agent may go on a subtask, which of its
// actions wait for a person, and how many agents of the profile the fleet runs.
import { Select } from "@/components/ui/select";
import { FormField } from "./form-field";
import { FormSection, TextField, type SectionProps } from "./form-section";
import { APPROVAL_MODES, FIELD_LABELS } from "./profile-labels";
import type { ApprovalMode } from "./profile-form-values";

export function LimitsSection(section: SectionProps) {
  return (
    <FormSection title="Limits" description="What one agent may spend on one subtask before it is stopped.">
      <TextField numeric field="maxTurns" section={section} hint="1–200" help="Model replies (each usually with tool calls) per subtask." />
      <TextField numeric field="timeoutSeconds" section={section} label="Time limit per subtask" hint="seconds, 10–86,400" help="The subtask fails when it runs longer." />
      <TextField numeric field="memoryLimitMb" section={section} label="Memory limit" hint="MB, 64–65,536" help="How much memory one agent of this profile may use." />
    </FormSection>
  );
}

export function ApprovalsSection(section: SectionProps) {
  const { values, errors, fieldId, onChange, disabled } = section;
  const mode = APPROVAL_MODES.find((option) => option.value === values.approvalMode);
  return (
    <FormSection title="Approvals" description="Actions that wait for a person's yes before the agent takes them.">
      <FormField id={fieldId("approvalMode")} label={FIELD_LABELS.approvalMode} help={mode?.explanation} errors={errors.approvalMode}>
        {(control) => (
          <Select {...control} name="approvalMode" value={values.approvalMode} onChange={(e) => onChange("approvalMode", e.target.value as ApprovalMode)} disabled={disabled} className="w-full sm:w-auto">
            {APPROVAL_MODES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <TextField numeric
        field="approvalTimeoutSeconds"
        section={section}
        hint="seconds, 10–86,400"
        help={values.approvalMode === "NONE" ? "Used only when approvals are on." : "A request nobody answers within this time is denied."}
      />
    </FormSection>
  );
}

export function FleetSection(section: SectionProps) {
  return (
    <FormSection title="Fleet" description="How many agents of this profile the daemon keeps running, and how hard they may call the model.">
      <TextField numeric field="minAgents" section={section} hint="0–64" help="Kept running even when there is no work." />
      <TextField numeric field="maxAgents" section={section} hint="0–64, at least min" help="The daemon adds agents up to this many while work waits." />
      <TextField numeric
        field="maxConcurrentCalls"
        section={section}
        hint="optional, 1–1,000"
        placeholder="no cap"
        help="Model calls this profile's agents may have open at once, across the fleet. Blank for no cap."
      />
    </FormSection>
  );
}
