-- Trigram matching for search (lib/catalog/search.ts). pg_trgm is a trusted extension (PostgreSQL 13+);
-- PGlite loads it in the client (db/client.ts) before this runs.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "creator_name_trgm_idx" ON "creator" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "creator_name_zh_trgm_idx" ON "creator" USING gin ("name_zh" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "product_title_trgm_idx" ON "product" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "product_title_zh_trgm_idx" ON "product" USING gin ("title_zh" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "product_subtitle_zh_trgm_idx" ON "product" USING gin ("subtitle_zh" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "tag_name_trgm_idx" ON "tag" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "tag_name_zh_trgm_idx" ON "tag" USING gin ("name_zh" gin_trgm_ops);