import { redirect } from "next/navigation";
import { requireUser } from "@/lib/session/current-user";
import { resolveHomePath } from "@/lib/tenants/home";

export default async function TenantsIndexPage() {
  const user = await requireUser("/t");
  redirect(await resolveHomePath(user));
}
