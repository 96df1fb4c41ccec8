"use client";

import { useEffect, useState } from "react";

// Every page loads this boundary, so it carries its button's classes itself (those of
// the default Button) rather than any module: it is part of every page's first-load JS.
// A production build hides the error's message from the browser, so the boundary asks
// /api/health whether the database is down, to say so rather than "something went wrong".
export default function ErrorPage({ retry }: { error: Error; retry: () => void }) {
  const [outage, setOutage] = useState(false);
  useEffect(() => {
    let current = true;
    fetch("/api/health", { cache: "no-store" }).then(
      (response) => current && setOutage(response.status === 503),
      () => {},
    );
    return () => {
      current = false;
    };
  }, []);

  return (
    <main className="mx-auto flex min-h-[70dvh] max-w-md flex-col items-center justify-center gap-4 px-6 text-center">
      <h1 className="text-2xl font-semibold">{outage ? "We can’t reach the database right now" : "Something went wrong"}</h1>
      <p className="text-zinc-600">
        {outage
          ? "This is on our side and usually passes quickly. Try again in a moment."
          : "An unexpected error stopped this page. Try again; if it keeps happening, let us know."}
      </p>
      <button
        type="button"
        onClick={retry}
        className="inline-flex h-9 items-center justify-center rounded-md bg-zinc-900 px-4 text-sm font-medium whitespace-nowrap text-white shadow-sm transition-colors hover:bg-zinc-800"
      >
        Try again
      </button>
    </main>
  );
}
