// Apart from Button, and without class-variance-authority or tailwind-merge, so that client
// code wanting only a button's classes (the error page on every page load, the header's
// triggers) stays small. Button merges overrides with tailwind-merge on top of these.
const base =
  "inline-flex shrink-0 items-center justify-center gap-2 whitespace-nowrap rounded-md text-sm font-medium transition-colors disabled:pointer-events-none disabled:opacity-60 [&_svg]:size-4 [&_svg]:shrink-0";

const variants = {
  default: "bg-zinc-900 text-white shadow-sm hover:bg-zinc-800",
  secondary: "bg-zinc-100 text-zinc-900 hover:bg-zinc-200",
  outline: "border border-zinc-300 bg-white text-zinc-900 shadow-sm hover:bg-zinc-50",
  ghost: "text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900",
  destructive: "bg-red-600 text-white shadow-sm hover:bg-red-700",
  link: "text-zinc-900 underline-offset-4 hover:underline",
};

const sizes = {
  default: "h-9 px-4",
  sm: "h-8 px-3",
  lg: "h-10 px-6",
  icon: "size-9",
};

/** Like class-variance-authority's: leaving a variant out means the default, null means none. */
export type ButtonVariants = { variant?: keyof typeof variants | null; size?: keyof typeof sizes | null };

export function buttonVariants({ variant, size }: ButtonVariants = {}): string {
  return [base, variant === null ? "" : variants[variant ?? "default"], size === null ? "" : sizes[size ?? "default"]].filter(Boolean).join(" ");
}
