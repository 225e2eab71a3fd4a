// The pieces every section of the profile form shares: its card, the props it receives and the
// single-line field most of its inputs are (text, or whole numbers for limits).
import type { ReactNode } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { FormField } from "./form-field";
import { FIELD_LABELS } from "./profile-labels";
import type { ProfileFieldErrors, ProfileFieldName, ProfileFormValues } from "./profile-form-values";

export interface SectionProps {
  values: ProfileFormValues;
  errors: ProfileFieldErrors;
  /** The element id of a field, shared with the error summary's links. */
  fieldId: (field: ProfileFieldName) => string;
  onChange: <K extends keyof ProfileFormValues>(field: K, value: ProfileFormValues[K]) => void;
  disabled: boolean;
}

export function FormSection({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <Card>
      <CardHeader title={title} description={description} />
      <div className="grid gap-x-6 gap-y-5 p-4 sm:grid-cols-2">{children}</div>
    </Card>
  );
}

type TextFieldName = { [K in keyof ProfileFormValues]: ProfileFormValues[K] extends string ? K : never }[keyof ProfileFormValues] &
  ProfileFieldName;

export function TextField({
  field,
  section,
  hint,
  help,
  placeholder,
  numeric = false,
  className,
  label = FIELD_LABELS[field],
}: {
  field: TextFieldName;
  section: SectionProps;
  hint?: string;
  help?: ReactNode;
  placeholder?: string;
  /** A whole number: numeric keyboard, narrow box. */
  numeric?: boolean;
  className?: string;
  label?: string;
}) {
  const { values, errors, fieldId, onChange, disabled } = section;
  return (
    <FormField id={fieldId(field)} label={label} hint={hint} help={help} errors={errors[field]} className={className}>
      {(control) => (
        <Input
          {...control}
          name={field}
          inputMode={numeric ? "numeric" : undefined}
          autoComplete="off"
          spellCheck={numeric ? undefined : false}
          className={numeric ? "max-w-40 tabular-nums" : undefined}
          value={values[field]}
          placeholder={placeholder}
          onChange={(e) => onChange(field, e.target.value)}
          disabled={disabled}
        />
      )}
    </FormField>
  );
}
