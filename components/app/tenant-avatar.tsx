import { cn } from "@/components/ui/cn";

const COLORS = ["bg-sky-600", "bg-violet-600", "bg-emerald-600", "bg-amber-600", "bg-rose-600", "bg-indigo-600", "bg-teal-600"];

function colorOf(seed: string) {
  let hash = 0;
  for (const c of seed) hash = (hash * 31 + c.charCodeAt(0)) | 0;
  return COLORS[Math.abs(hash) % COLORS.length];
}

/** The first letter of a name on a colour derived from a stable key. */
export function TenantAvatar({ name, seed, className }: { name: string; seed: string; className?: string }) {
  return (
    <span
      aria-hidden
      className={cn("flex size-6 shrink-0 items-center justify-center rounded-md text-xs font-semibold text-white uppercase", colorOf(seed), className)}
    >
      {Array.from(name.trim())[0] ?? "?"}
    </span>
  );
}
