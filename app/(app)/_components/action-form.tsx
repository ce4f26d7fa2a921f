"use client";

import { createContext, useActionState, useContext, type ReactNode } from "react";
import { buttonClass, type ButtonSize, type ButtonVariant } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { controlClass, describedBy } from "@/components/ui/field";
import { IDLE, type ActionState } from "@/lib/tenancy/action-state";

type Action<T> = (prev: ActionState<T>, form: FormData) => Promise<ActionState<T>>;

const StateContext = createContext<ActionState<unknown>>(IDLE);

/**
 * A form bound to a server action (tenantAction or an auth action): hidden fields, a submit
 * button that shows progress, the error or success line announced to screen readers, and
 * field errors available to <Field> through context.
 */
export function ActionForm<T>(props: {
  action: Action<T>;
  hidden?: Record<string, string>;
  submitLabel: string;
  pendingLabel?: string;
  successMessage?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  inline?: boolean;
  /** Stretch the submit button (auth pages). */
  block?: boolean;
  children?: ReactNode;
  after?: (state: ActionState<T>) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState(props.action, IDLE as ActionState<T>);
  const size = props.size ?? (props.inline ? "sm" : "md");
  return (
    <StateContext.Provider value={state}>
      <form action={formAction} className={props.inline ? "inline-flex flex-wrap items-center gap-2" : "grid gap-4"} noValidate>
        {Object.entries(props.hidden ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {props.children}
        <div>
          <button type="submit" className={buttonClass(props.variant ?? "primary", size, props.block ? "w-full" : undefined)} disabled={pending}>
            {pending ? (props.pendingLabel ?? "Working…") : props.submitLabel}
          </button>
        </div>
        <div aria-live="polite" className={cn(props.inline && "basis-full empty:hidden")}>
          {state.status === "error" && (
            <p className="text-sm font-medium text-red-700" role="alert">
              {state.message}
            </p>
          )}
          {state.status === "ok" && props.successMessage && <p className="text-sm font-medium text-emerald-700">{props.successMessage}</p>}
        </div>
        {props.after?.(state)}
      </form>
    </StateContext.Provider>
  );
}

/** A labelled input whose validation message (from the action's zod issues) is tied to it. */
export function Field(props: {
  name: string;
  label: string;
  type?: string;
  autoComplete?: string;
  defaultValue?: string;
  required?: boolean;
  hint?: string;
  placeholder?: string;
  min?: number;
  max?: number;
}) {
  const state = useContext(StateContext);
  const error = state.status === "error" ? state.fieldErrors?.[props.name] : undefined;
  const echoed = state.status === "error" ? state.values?.[props.name] : undefined;
  const id = `field-${props.name}`;
  return (
    <div className="grid gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-zinc-800">
        {props.label}
      </label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        autoComplete={props.autoComplete}
        defaultValue={echoed ?? props.defaultValue}
        required={props.required}
        placeholder={props.placeholder}
        min={props.min}
        max={props.max}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
        className={cn(controlClass, "h-9")}
      />
      {props.hint && (
        <span id={`${id}-hint`} className="text-xs text-zinc-500">
          {props.hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="text-xs font-medium text-red-700">
          {error}
        </span>
      )}
    </div>
  );
}
