import { cn } from "@/components/ui/cn";
import { controlClass } from "@/components/ui/field";

/** Every IANA zone this browser knows, the workspace's current one first if it is missing. */
export function TimezoneSelect({ name, defaultValue, id = `field-${name}`, label = "Time zone" }: { name: string; defaultValue: string; id?: string; label?: string }) {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const all = zones.includes(defaultValue) ? zones : [defaultValue, ...zones];
  if (!all.includes("UTC")) all.unshift("UTC");
  return (
    <div className="grid gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-zinc-800">
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue} className={cn(controlClass, "h-9")}>
        {all.map((z) => (
          <option key={z} value={z}>
            {z.replace(/_/g, " ")}
          </option>
        ))}
      </select>
    </div>
  );
}
