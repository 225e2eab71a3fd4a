// One labelled form control with its explanation and the server's messages for it. The control
// gets the ids it needs (render prop), so screen readers read the help and the error with it.
// While a field has an error the error replaces the help: the messages often repeat the rule.
import type { ReactNode } from "react";
import { Label } from "@/components/ui/label";

export interface ControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

export function FieldMessages({ id, help, errors }: { id: string; help?: ReactNode; errors?: string[] }) {
  return (
    <>
      {help && !errors?.length ? (
        <p id={`${id}-help`} className="mt-1 text-xs text-muted">
          {help}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-xs font-medium text-danger-fg">
          {errors.join(" · ")}
        </p>
      ) : null}
    </>
  );
}

export function describedBy(id: string, help: unknown, errors?: string[]): string | undefined {
  return errors?.length ? `${id}-error` : help ? `${id}-help` : undefined;
}

export function FormField({
  id,
  label,
  hint,
  help,
  errors,
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  help?: ReactNode;
  errors?: string[];
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  return (
    <div className={className}>
      <Label htmlFor={id} hint={hint}>
        {label}
      </Label>
      {children({ id, "aria-describedby": describedBy(id, help, errors), "aria-invalid": errors?.length ? true : undefined })}
      <FieldMessages id={id} help={help} errors={errors} />
    </div>
  );
}
