import { Slot } from "radix-ui";
import type { ComponentProps } from "react";
import { buttonVariants, type ButtonVariants } from "./button-variants";
import { cn } from "./cn";

export { buttonVariants };

export type ButtonProps = ComponentProps<"button"> & ButtonVariants & { asChild?: boolean };

export function Button({ className, variant, size, asChild = false, ...props }: ButtonProps) {
  const Component = asChild ? Slot.Root : "button";
  return <Component className={cn(buttonVariants({ variant, size }), className)} {...props} />;
}
