import { Lock } from "@/components/ui/icons";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "./page-header";

/**
 * A clear refusal inside a tenant the user belongs to (outsiders get the 404 page),
 * under the page's title when it has one. Pages get it from their guard (`tenantPage`).
 */
export function NoAccess({ title, children }: { title?: string; children: React.ReactNode }) {
  const card = (
    <Card>
      <CardContent className="flex items-start gap-3">
        <Lock className="mt-0.5 size-5 shrink-0 text-zinc-500" aria-hidden />
        <p className="text-zinc-700">{children}</p>
      </CardContent>
    </Card>
  );
  if (!title) return card;
  return (
    <>
      <PageHeader title={title} />
      {card}
    </>
  );
}
