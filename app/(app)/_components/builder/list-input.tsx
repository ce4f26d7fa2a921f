"use client";

import { useState } from "react";
import { Input } from "@/components/ui/field";

/**
 * A list of short strings typed as one line, separated by commas (keywords, tags, post ids).
 * Keeps the text as typed while focused, so a trailing comma doesn't vanish mid-word.
 */
export function ListInput(props: { id: string; value: string[]; onChange: (v: string[]) => void; placeholder?: string; disabled?: boolean; describedBy?: string; invalid?: boolean }) {
  const [text, setText] = useState<string | null>(null);
  return (
    <Input
      id={props.id}
      value={text ?? props.value.join(", ")}
      placeholder={props.placeholder}
      disabled={props.disabled}
      aria-describedby={props.describedBy}
      aria-invalid={props.invalid || undefined}
      onFocus={() => setText(props.value.join(", "))}
      onBlur={() => setText(null)}
      onChange={(e) => {
        setText(e.target.value);
        props.onChange(e.target.value.split(",").map((s) => s.trim()).filter(Boolean));
      }}
    />
  );
}
