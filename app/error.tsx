"use client";

import { buttonVariants } from "@/components/ui/button-variants";

// Every page loads this boundary, so it takes the button's classes only, not Button itself.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-[70dvh] max-w-md flex-col items-center justify-center gap-4 px-6 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-zinc-600">An unexpected error stopped this page. Try again; if it keeps happening, let us know.</p>
      <button type="button" className={buttonVariants()} onClick={reset}>
        Try again
      </button>
    </main>
  );
}
