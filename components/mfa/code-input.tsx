import { forwardRef, type InputHTMLAttributes } from "react";
import { Input } from "@/components/ui/input";

/** Six digits: a numeric keyboard on phones, and the one-time code that a phone can fill in. */
export const CodeInput = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>(
  function CodeInput(props, ref) {
    return (
      <Input
        ref={ref}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={9}
        placeholder="123456"
        className="font-mono tracking-widest"
        {...props}
      />
    );
  },
);
