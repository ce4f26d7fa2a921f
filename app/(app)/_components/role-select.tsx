import { cn } from "@/components/ui/cn";
import { controlClass } from "@/components/ui/field";
import type { Role } from "@/lib/tenancy/permissions";

/** A labelled role picker limited to the roles the current member may hand out. */
export function RoleSelect(props: { id: string; label: string; roles: readonly Role[]; defaultValue?: Role; hideLabel?: boolean }) {
  return (
    <span className="grid gap-1.5">
      <label htmlFor={props.id} className={props.hideLabel ? "sr-only" : "text-sm font-medium text-zinc-800"}>
        {props.label}
      </label>
      <select id={props.id} name="role" defaultValue={props.defaultValue ?? props.roles[props.roles.length - 1]} className={cn(controlClass, "h-8 w-32 capitalize")}>
        {props.roles.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
    </span>
  );
}
