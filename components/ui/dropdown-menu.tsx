"use client";

import { DropdownMenu as MenuPrimitive } from "radix-ui";
import { useRef, type ComponentProps } from "react";
import { cn } from "./cn";

export const DropdownMenu = MenuPrimitive.Root;
export const DropdownMenuTrigger = MenuPrimitive.Trigger;

/**
 * `focusFirstItem`: for a menu mounted already open after a keyboard user asked for it
 * (see on-demand.ts), start on its first item, as Radix does when its own trigger is
 * opened from the keyboard.
 */
export function DropdownMenuContent({
  className,
  sideOffset = 6,
  align = "end",
  focusFirstItem = false,
  onFocus,
  ...props
}: ComponentProps<typeof MenuPrimitive.Content> & { focusFirstItem?: boolean }) {
  const firstFocus = useRef(true);
  return (
    <MenuPrimitive.Portal>
      <MenuPrimitive.Content
        sideOffset={sideOffset}
        align={align}
        className={cn("z-50 min-w-56 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg", className)}
        onFocus={(event) => {
          onFocus?.(event);
          if (!firstFocus.current || event.target !== event.currentTarget) return;
          firstFocus.current = false;
          if (focusFirstItem) event.currentTarget.querySelector<HTMLElement>('[role="menuitem"]:not([data-disabled])')?.focus();
        }}
        {...props}
      />
    </MenuPrimitive.Portal>
  );
}

export function DropdownMenuItem({ className, ...props }: ComponentProps<typeof MenuPrimitive.Item>) {
  return (
    <MenuPrimitive.Item
      className={cn(
        "flex cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-sm outline-none select-none data-[highlighted]:bg-zinc-100 data-[disabled]:opacity-50 [&_svg]:size-4 [&_svg]:text-zinc-500",
        className,
      )}
      {...props}
    />
  );
}

export function DropdownMenuLabel({ className, ...props }: ComponentProps<typeof MenuPrimitive.Label>) {
  return <MenuPrimitive.Label className={cn("px-2 py-1.5 text-sm", className)} {...props} />;
}

export function DropdownMenuSeparator({ className, ...props }: ComponentProps<typeof MenuPrimitive.Separator>) {
  return <MenuPrimitive.Separator className={cn("-mx-1 my-1 h-px bg-zinc-200", className)} {...props} />;
}

export const DropdownMenuRadioGroup = MenuPrimitive.RadioGroup;

/** A choice among several, with a dot on the chosen one. */
export function DropdownMenuRadioItem({ className, children, ...props }: ComponentProps<typeof MenuPrimitive.RadioItem>) {
  return (
    <MenuPrimitive.RadioItem
      className={cn(
        "flex cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-sm outline-none select-none data-[highlighted]:bg-zinc-100 [&_svg]:size-4 [&_svg]:text-zinc-500",
        className,
      )}
      {...props}
    >
      {children}
      <MenuPrimitive.ItemIndicator className="ml-auto">
        <span className="block size-2 rounded-full bg-zinc-900" aria-hidden />
      </MenuPrimitive.ItemIndicator>
    </MenuPrimitive.RadioItem>
  );
}
