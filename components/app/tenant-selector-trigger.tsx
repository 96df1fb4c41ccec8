"use client";

import type { ReactNode } from "react";
import { onDemand, useOnDemand } from "@/components/ui/on-demand";
import type { TenantPaletteProps } from "./tenant-palette";

const palette = onDemand(() => import("./tenant-palette").then((m) => m.TenantPalette));

/** The tenant selector's button, until the palette it opens is first wanted. */
export function TenantSelectorTrigger({
  label,
  className,
  children,
  ...props
}: Omit<TenantPaletteProps, "trigger"> & { label: string; className: string; children: ReactNode }) {
  const { Loaded, triggerProps } = useOnDemand(palette);
  if (Loaded) return <Loaded {...props} trigger={{ label, className, children }} />;
  return (
    <button
      type="button"
      // eslint-disable-next-line jsx-a11y/role-has-required-aria-props -- nothing to control until the palette loads
      role="combobox"
      aria-haspopup="dialog"
      aria-expanded={false}
      aria-label={label}
      data-state="closed"
      data-testid="tenant-selector"
      className={className}
      {...triggerProps}
    >
      {children}
    </button>
  );
}
