"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { tenantAction } from "@/lib/actions/define-action";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/api-keys";
import { createApiKeySchema } from "@/lib/api-keys/schemas";
import { tenantPath } from "@/lib/tenancy/paths";

export const createApiKeyAction = tenantAction(createApiKeySchema, async (ctx, input) => {
  const { key, apiKey } = await createApiKey(ctx, input);
  revalidatePath(tenantPath(ctx.tenant.slug, "api-keys"));
  // The only time the full key leaves the server.
  return { key, name: apiKey.name };
});

export const revokeApiKeyAction = tenantAction(z.object({ id: z.uuid() }), async (ctx, input) => {
  await revokeApiKey(ctx, input);
  revalidatePath(tenantPath(ctx.tenant.slug, "api-keys"));
});
