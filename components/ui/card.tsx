import type { ReactNode } from "react";
import { cn } from "./cn";

export function Card({ children, className, ...rest }: { children: ReactNode; className?: string } & React.HTMLAttributes<HTMLElement>) {
  return (
    <section className={cn("rounded-xl border border-zinc-200 bg-white shadow-xs", className)} {...rest}>
      {children}
    </section>
  );
}

/** A card's title row: heading (with an id for aria-labelledby), optional description and actions. */
export function CardHeader({ title, id, description, actions, level = 2 }: { title: ReactNode; id?: string; description?: ReactNode; actions?: ReactNode; level?: 1 | 2 | 3 }) {
  const H = `h${level}` as "h1" | "h2" | "h3";
  return (
    <div className="flex flex-wrap items-start justify-between gap-3 border-b border-zinc-100 px-4 py-3 sm:px-5">
      <div className="min-w-0">
        <H id={id} className="text-sm font-semibold">
          {title}
        </H>
        {description && <p className="mt-0.5 text-sm text-zinc-600">{description}</p>}
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}

export function CardBody({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cn("px-4 py-4 sm:px-5", className)}>{children}</div>;
}
