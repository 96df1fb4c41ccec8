import { Lock } from "@/components/ui/icons";
import { Card, CardContent } from "@/components/ui/card";

/** A clear refusal inside a tenant the user belongs to (outsiders get the 404 page). */
export function NoAccess({ children }: { children: React.ReactNode }) {
  return (
    <Card>
      <CardContent className="flex items-start gap-3">
        <Lock className="mt-0.5 size-5 shrink-0 text-zinc-500" aria-hidden />
        <p className="text-zinc-700">{children}</p>
      </CardContent>
    </Card>
  );
}
