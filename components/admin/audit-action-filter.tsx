// Narrows the audit log to one kind of action.
import { Select } from "@/components/ui/select";
import type { AuditAction } from "@/server/services/audit/record-audit";
import { AUDIT_ACTION_LABELS, isAuditAction } from "./audit-labels";

const CHOICES = (Object.entries(AUDIT_ACTION_LABELS) as Array<[AuditAction, string]>).sort(([, a], [, b]) => a.localeCompare(b));

export function AuditActionFilter({ value, onChange }: { value: AuditAction | null; onChange: (value: AuditAction | null) => void }) {
  return (
    <label className="flex items-center gap-2 text-sm text-muted">
      Action
      <Select value={value ?? ""} onChange={(e) => onChange(isAuditAction(e.target.value) ? e.target.value : null)} className="h-8">
        <option value="">All actions</option>
        {CHOICES.map(([action, label]) => (
          <option key={action} value={action}>
            {label}
          </option>
        ))}
      </Select>
    </label>
  );
}
