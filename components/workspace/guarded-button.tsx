"use client";

import { Button, type ButtonProps } from "@/components/ui/button";
import { usePermission } from "./workspace-context";

/** A button that is disabled, with the reason as its tooltip and accessible description, when the viewer may not act. */
export function GuardedButton({
  level = "edit",
  disabled,
  title,
  ...props
}: ButtonProps & { level?: "edit" | "lead" }) {
  const permission = usePermission(level);
  return (
    <Button
      {...props}
      disabled={disabled || !permission.allowed}
      title={permission.reason ?? title}
      aria-description={permission.reason}
    />
  );
}
