import { Badge } from "@/components/ui/badge";
import { formatDate, formatDateTime } from "@/lib/format/dates";
import { RefreshWhile } from "./refresh-while";

export type ExportView = {
  id: string;
  status: "queued" | "building" | "ready" | "failed";
  fileName: string;
  sizeBytes: number | null;
  createdAt: Date;
  expiresAt: Date | null;
  error: string | null;
};

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** Recent exports: preparing, ready to download (until their link expires), or failed. */
export function ExportList({ exports, now = new Date() }: { exports: ExportView[]; now?: Date }) {
  if (exports.length === 0) return <p className="text-sm text-zinc-500">No exports yet.</p>;
  const preparing = exports.some((e) => e.status === "queued" || e.status === "building");
  return (
    <ul className="grid gap-2" aria-label="Exports">
      <RefreshWhile active={preparing} />
      {exports.map((e) => {
        const expired = e.expiresAt !== null && e.expiresAt <= now;
        return (
          <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-zinc-200 px-3 py-2 text-sm">
            <span className="min-w-0">
              <span className="block truncate font-medium">{e.fileName}</span>
              <span className="text-xs text-zinc-500">Asked for {formatDateTime(e.createdAt)}</span>
            </span>
            {e.status === "ready" && !expired ? (
              <span className="flex items-center gap-3">
                <span className="text-xs text-zinc-500">
                  {size(e.sizeBytes ?? 0)} · until {formatDate(e.expiresAt!)}
                </span>
                <a href={`/exports/${e.id}`} className="font-medium text-zinc-900 underline underline-offset-2" download>
                  Download
                </a>
              </span>
            ) : e.status === "ready" ? (
              <Badge>Expired</Badge>
            ) : e.status === "failed" ? (
              <span className="text-xs text-red-700">{e.error ?? "Failed"}</span>
            ) : (
              <Badge className="border-amber-200 bg-amber-50 text-amber-800">Preparing…</Badge>
            )}
          </li>
        );
      })}
    </ul>
  );
}
