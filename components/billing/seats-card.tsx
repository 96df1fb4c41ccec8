import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/**
 * A per-seat plan's seats: members in use, invitations (billed once accepted), the seats
 * Stripe bills, and the price of one. `children` is the next invoice's estimate.
 */
export function SeatsCard({
  seats,
  seatPrice,
  stuck,
  children,
}: {
  seats: { members: number; pendingInvitations: number; paid: number | null };
  seatPrice: string;
  /** The mismatch has outlasted the seats job's first retries: say so rather than "updating". */
  stuck: boolean;
  children?: ReactNode;
}) {
  const { members, pendingInvitations, paid } = seats;
  const rows: { label: string; value: ReactNode; testId?: string; note?: string }[] = [
    { label: "Members", value: members, testId: "seats-in-use", note: "seats in use" },
    { label: "Pending invitations", value: pendingInvitations, note: "billed once accepted" },
    { label: "Seats paid", value: paid ?? "—", testId: "seats-paid" },
    { label: "Price per seat", value: seatPrice, testId: "seat-price" },
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Seats</CardTitle>
        <CardDescription>Each member is a seat; the subscription follows the member count.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <dl className="grid gap-2 text-sm">
          {rows.map(({ label, value, testId, note }) => (
            <div key={label} className="flex flex-wrap justify-between gap-x-3">
              <dt className="text-zinc-600">
                {label}
                {note && <span className="text-zinc-500"> · {note}</span>}
              </dt>
              <dd className="font-medium" data-testid={testId}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
        {paid !== null && paid !== members && (
          <p role="status" className="text-sm text-amber-800">
            {stuck
              ? `Stripe still bills ${paid} ${paid === 1 ? "seat" : "seats"} for ${members} ${members === 1 ? "member" : "members"}. We keep retrying; if this stays, check Manage billing.`
              : `Updating Stripe to ${members} ${members === 1 ? "seat" : "seats"}…`}
          </p>
        )}
        {children}
      </CardContent>
    </Card>
  );
}
