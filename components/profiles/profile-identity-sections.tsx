// The first half of the profile form: who the agent is (name, description, capabilities,
// model), what it is told (system prompt) and which tools it may call.
import type { ReactNode } from "react";
import { Textarea } from "@/components/ui/textarea";
import { WORKSPACE_TOOLS } from "@/server/services/profiles/default-profiles";
import { describedBy, FieldMessages, FormField } from "./form-field";
import { FormSection, TextField, type SectionProps } from "./form-section";
import { TOOL_EXPLANATIONS } from "./profile-labels";

export function IdentitySection(section: SectionProps) {
  const { values, errors, fieldId, onChange, disabled } = section;
  return (
    <FormSection title="Identity" description="How the planner and people recognise this kind of agent.">
      <TextField field="name" section={section} hint="lowercase, e.g. reviewer" help="2–40 lowercase letters, digits and dashes, starting with a letter." />
      <TextField field="model" section={section} help="Leave blank to use the installation's default model." placeholder="default model" />
      <FormField id={fieldId("description")} label="Description" help="One or two sentences on what this agent is for." errors={errors.description} className="sm:col-span-2">
        {(control) => (
          <Textarea {...control} name="description" value={values.description} onChange={(e) => onChange("description", e.target.value)} className="min-h-16" maxLength={500} disabled={disabled} />
        )}
      </FormField>
      <TextField
        field="capabilities"
        section={section}
        hint="single words, separated by commas or spaces"
        help="Subtasks that need these capabilities go to this profile, e.g. read, analyze, research."
        placeholder="read, analyze"
        className="sm:col-span-2"
      />
    </FormSection>
  );
}

export function InstructionsSection({ values, errors, fieldId, onChange, disabled }: SectionProps) {
  return (
    <FormSection title="Instructions" description="The system prompt every agent of this profile starts each subtask with.">
      <FormField id={fieldId("systemPrompt")} label="System prompt" help="The subtask's own instructions and its inputs are added after this." errors={errors.systemPrompt} className="sm:col-span-2">
        {(control) => (
          <Textarea
            {...control}
            name="systemPrompt"
            value={values.systemPrompt}
            onChange={(e) => onChange("systemPrompt", e.target.value)}
            className="min-h-64 font-mono text-xs"
            disabled={disabled}
          />
        )}
      </FormField>
    </FormSection>
  );
}

export function ToolsSection({ values, errors, fieldId, onChange, disabled }: SectionProps) {
  const toggle = (tool: string, checked: boolean) =>
    onChange("allowedTools", checked ? WORKSPACE_TOOLS.filter((name) => name === tool || values.allowedTools.includes(name)) : values.allowedTools.filter((name) => name !== tool));
  const toolsId = fieldId("allowedTools");
  const networkId = fieldId("networkAllowed");
  return (
    <FormSection title="Tools" description="What agents of this profile may do in the task's workspace. Every agent can always finish its subtask.">
      <fieldset id={toolsId} tabIndex={-1} aria-describedby={describedBy(toolsId, null, errors.allowedTools)} className="sm:col-span-2">
        <legend className="mb-2 text-sm font-medium text-foreground">Allowed tools</legend>
        <div className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
          {WORKSPACE_TOOLS.map((tool) => (
            <CheckboxRow
              key={tool}
              id={`${toolsId}-${tool}`}
              name="allowedTools"
              value={tool}
              label={<span className="font-mono">{tool}</span>}
              explanation={TOOL_EXPLANATIONS[tool]}
              checked={values.allowedTools.includes(tool)}
              onChange={(checked) => toggle(tool, checked)}
              disabled={disabled}
            />
          ))}
        </div>
        <FieldMessages id={toolsId} errors={errors.allowedTools} />
      </fieldset>
      <div className="border-t border-border pt-4 sm:col-span-2">
        <CheckboxRow
          id={networkId}
          name="networkAllowed"
          label="Network allowed"
          explanation="Applies to run_command only: its commands may reach the internet, but not the host the agents run on (such as Baton's database) nor private networks, unless an admin opens an address with BATON_COMMAND_REACHABLE. Without it they run with no network at all."
          checked={values.networkAllowed}
          onChange={(checked) => onChange("networkAllowed", checked)}
          disabled={disabled}
        />
        <FieldMessages id={networkId} errors={errors.networkAllowed} />
      </div>
    </FormSection>
  );
}

function CheckboxRow(props: {
  id: string;
  name: string;
  value?: string;
  label: ReactNode;
  explanation: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled: boolean;
}) {
  return (
    <div className="flex items-start gap-2.5">
      <input
        type="checkbox"
        id={props.id}
        name={props.name}
        value={props.value}
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
        disabled={props.disabled}
        aria-describedby={`${props.id}-explanation`}
        className="mt-0.5 size-4 shrink-0 rounded border-border-strong accent-accent"
      />
      <div className="min-w-0 text-sm">
        <label htmlFor={props.id} className="font-medium text-foreground">
          {props.label}
        </label>
        <p id={`${props.id}-explanation`} className="text-xs text-muted">
          {props.explanation}
        </p>
      </div>
    </div>
  );
}
