ALTER TABLE "address" ADD COLUMN "is_default" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "address_one_default_idx" ON "address" USING btree ("user_id") WHERE "address"."is_default";--> statement-breakpoint
-- Hand-added: each buyer who already saved addresses gets their most recently used one as the default.
UPDATE "address" SET "is_default" = true WHERE "id" IN (SELECT DISTINCT ON ("user_id") "id" FROM "address" ORDER BY "user_id", "last_used_at" DESC, "created_at" DESC);
