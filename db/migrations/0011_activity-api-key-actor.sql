ALTER TABLE "activity_log" ADD COLUMN "api_key_id" uuid;--> statement-breakpoint
ALTER TABLE "activity_log" ADD COLUMN "api_key_name" text;--> statement-breakpoint
CREATE INDEX "activity_log_tenant_api_key_idx" ON "activity_log" USING btree ("tenant_id","id") WHERE "activity_log"."api_key_id" IS NOT NULL;--> statement-breakpoint
-- Before this, a key's entries had its creator in actor_id and the key in actor_label
-- ("API key “Sync”"). Split them: the key's name; the key itself, as best it can be told
-- (its tenant's key of that name, the creator's first, the newest made before the entry);
-- and the creator's name or email as the label.
UPDATE "activity_log" AS a
SET "api_key_name" = old."name",
    "api_key_id" = (
      SELECT k."id" FROM "api_keys" k
      WHERE k."tenant_id" = a."tenant_id" AND k."name" = old."name"
      ORDER BY k."created_by_id" IS NOT DISTINCT FROM a."actor_id" DESC, k."created_at" <= a."created_at" DESC, k."created_at" DESC
      LIMIT 1
    ),
    "actor_label" = (SELECT coalesce(nullif(u."name", ''), nullif(u."email", '')) FROM "users" u WHERE u."id" = a."actor_id")
FROM (
  SELECT "tenant_id", "id", coalesce(substring("actor_label" from '^API key “(.*)”$'), substring("actor_label" from 10)) AS "name"
  FROM "activity_log"
  WHERE "actor_label" LIKE 'API key “%'
) AS old
WHERE a."tenant_id" = old."tenant_id" AND a."id" = old."id";
