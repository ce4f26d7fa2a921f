import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "./cn";

/** A table that scrolls sideways inside its card on narrow screens instead of breaking the page. */
export function Table({ children, label, className, wrapperClassName }: { children: ReactNode; label?: string; className?: string; wrapperClassName?: string }) {
  return (
    <div className={cn("overflow-x-auto", wrapperClassName)}>
      <table aria-label={label} className={cn("w-full border-collapse text-left text-sm", className)}>
        {children}
      </table>
    </div>
  );
}

export function Th({ className, ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={cn("border-b border-zinc-200 bg-zinc-50/60 px-4 py-2 text-xs font-medium whitespace-nowrap text-zinc-600 first:pl-4 sm:first:pl-5", className)} {...rest} />;
}

export function Td({ className, ...rest }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("border-b border-zinc-100 px-4 py-2.5 align-middle first:pl-4 sm:first:pl-5", className)} {...rest} />;
}
