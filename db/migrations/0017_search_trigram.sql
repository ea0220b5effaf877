-- Trigram matching for search (lib/catalog/search.ts). pg_trgm is a trusted extension (PostgreSQL 13+);
-- PGlite loads it in the client (db/client.ts) before this runs.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- The planner costs `%>` (word similarity, used by lib/catalog/search.ts) like an integer comparison,
-- so for a common word it prefers a sequential scan that computes word_similarity on every title, about
-- ten times slower than the trigram index. COST 20 is closer to the truth and makes it pick the index.
-- Where the migration's role does not own the extension (a managed server) this is skipped with a
-- warning: search still works, only slower for common words.
DO $$
BEGIN
  ALTER FUNCTION word_similarity_commutator_op(text, text) COST 20;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE WARNING 'pg_trgm: cannot raise the cost of %%> (%), search may scan for common words', SQLERRM;
END $$;--> statement-breakpoint
CREATE INDEX "creator_name_trgm_idx" ON "creator" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "creator_name_zh_trgm_idx" ON "creator" USING gin ("name_zh" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "product_title_trgm_idx" ON "product" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "product_title_zh_trgm_idx" ON "product" USING gin ("title_zh" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "product_subtitle_zh_trgm_idx" ON "product" USING gin ("subtitle_zh" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "tag_name_trgm_idx" ON "tag" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "tag_name_zh_trgm_idx" ON "tag" USING gin ("name_zh" gin_trgm_ops);