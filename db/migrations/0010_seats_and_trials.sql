CREATE TABLE "trials" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"started_by_id" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"outcome" text,
	"reminded_days_before" smallint,
	CONSTRAINT "trials_started_by_id_unique" UNIQUE("started_by_id")
);
--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "trial_ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plan_changes" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "quantity" integer;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "requested_quantity" integer;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "quantity_pending_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "trials" ADD CONSTRAINT "trials_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trials" ADD CONSTRAINT "trials_started_by_id_users_id_fk" FOREIGN KEY ("started_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "trials_running_ends_at_idx" ON "trials" USING btree ("ends_at") WHERE "trials"."ended_at" IS NULL;