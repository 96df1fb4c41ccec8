import { CircleAlert } from "@/components/ui/icons";

/** Says why the list ignores part of its link: a search it could not use, or a page link that is not valid. */
export function IgnoredQueryNote({ ignored }: { ignored: string[] }) {
  if (ignored.length === 0) return null;
  const search = ignored.includes("q");
  const page = ignored.includes("cursor") || ignored.includes("limit");
  const what = search && page ? "That search and page link" : search ? "That search" : "That page link";
  return (
    <p role="status" className="flex items-start gap-2 rounded-md bg-zinc-50 px-3 py-2 text-sm text-zinc-700" data-testid="ignored-query-note">
      <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
      <span>
        {what} could not be used{search ? " (it is too long or holds characters a search cannot take)" : ""}, so the list starts from the top.
      </span>
    </p>
  );
}
