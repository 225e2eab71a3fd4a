// The pieces every section of the profile form shares: its card, the props it receives and the
// whole-number field most limits use.
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

type NumberFieldName = { [K in keyof ProfileFormValues]: ProfileFormValues[K] extends string ? K : never }[keyof ProfileFormValues] &
  ProfileFieldName;

export function NumberField({
  field,
  section,
  hint,
  help,
  placeholder,
  label = FIELD_LABELS[field],
}: {
  field: NumberFieldName;
  section: SectionProps;
  hint?: string;
  help?: ReactNode;
  placeholder?: string;
  label?: string;
}) {
  const { values, errors, fieldId, onChange, disabled } = section;
  return (
    <FormField id={fieldId(field)} label={label} hint={hint} help={help} errors={errors[field]}>
      {(control) => (
        <Input
          {...control}
          name={field}
          inputMode="numeric"
          autoComplete="off"
          className="max-w-40 tabular-nums"
          value={values[field]}
          placeholder={placeholder}
          onChange={(e) => onChange(field, e.target.value)}
          disabled={disabled}
        />
      )}
    </FormField>
  );
}
