import { formatDate, type Viewer } from "@/lib/format/dates";

type Estimate = { amountDue: number; currency: string; date: Date | null } | "unavailable" | null;

/** Stripe's estimate of the next invoice (getUpcomingInvoice): it waits on Stripe, so it goes in its own Suspense boundary. */
export async function UpcomingInvoiceLine({ estimate, viewer }: { estimate: Promise<Estimate>; viewer: Viewer }) {
  const invoice = await estimate;
  if (invoice === null) return null;
  if (invoice === "unavailable") {
    return (
      <p data-testid="next-invoice" className="text-sm text-zinc-500">
        Stripe could not give an estimate just now.
      </p>
    );
  }
  const amount = new Intl.NumberFormat("en", { style: "currency", currency: invoice.currency.toUpperCase() }).format(invoice.amountDue / 100);
  return (
    <p data-testid="next-invoice" className="text-sm text-zinc-700">
      {`Next invoice: about ${amount}${invoice.date ? ` on ${formatDate(invoice.date, viewer)}` : ""}.`}
    </p>
  );
}

export function UpcomingInvoiceSkeleton() {
  return (
    <p className="flex h-5 items-center" aria-busy="true">
      <span className="h-3.5 w-56 animate-pulse rounded bg-zinc-200" aria-hidden />
      <span className="sr-only">Asking Stripe for the next invoice…</span>
    </p>
  );
}
