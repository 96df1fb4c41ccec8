import { isDemoMode } from "@/lib/env/env";

/** On every page of a demo (DEMO_MODE=true), so nobody mistakes it for a real service. */
export function DemoBanner() {
  if (!isDemoMode()) return null;
  return (
    <aside aria-label="Demo mode" className="border-b border-amber-300 bg-amber-100 px-4 py-2 text-center text-sm break-words text-amber-950">
      <strong className="font-semibold">Demo:</strong> sign-in links may be shown at /dev/outbox; do not use it with real data.
    </aside>
  );
}
