"use client";

// Every page loads this boundary, so it carries its button's classes itself (those of
// the default Button) rather than any module: it is part of every page's first-load JS.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-[70dvh] max-w-md flex-col items-center justify-center gap-4 px-6 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-zinc-600">An unexpected error stopped this page. Try again; if it keeps happening, let us know.</p>
      <button
        type="button"
        onClick={reset}
        className="inline-flex h-9 items-center justify-center rounded-md bg-zinc-900 px-4 text-sm font-medium whitespace-nowrap text-white shadow-sm transition-colors hover:bg-zinc-800"
      >
        Try again
      </button>
    </main>
  );
}
