import { IconAlert } from "@/components/ui/icons";

/** Errors (red) and warnings (amber) for one part of the builder, read with the part they sit in. */
export function IssueList({ errors, warnings, id }: { errors: string[]; warnings: string[]; id?: string }) {
  if (errors.length === 0 && warnings.length === 0) return null;
  return (
    <ul id={id} className="grid gap-1">
      {errors.map((m) => (
        <li key={`e-${m}`} className="flex items-start gap-1.5 text-xs font-medium text-red-700">
          <IconAlert size={14} className="mt-px shrink-0" />
          <span>{m}</span>
        </li>
      ))}
      {warnings.map((m) => (
        <li key={`w-${m}`} className="flex items-start gap-1.5 text-xs text-amber-800">
          <IconAlert size={14} className="mt-px shrink-0" />
          <span>
            <span className="sr-only">Warning: </span>
            {m}
          </span>
        </li>
      ))}
    </ul>
  );
}
