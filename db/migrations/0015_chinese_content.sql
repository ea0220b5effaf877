ALTER TABLE "artwork_detail" ADD COLUMN "medium_zh" text;--> statement-breakpoint
ALTER TABLE "artwork_detail" ADD COLUMN "provenance_zh" text;--> statement-breakpoint
ALTER TABLE "course_section" ADD COLUMN "title_zh" text;--> statement-breakpoint
ALTER TABLE "creator" ADD COLUMN "name_zh" text;--> statement-breakpoint
ALTER TABLE "creator" ADD COLUMN "bio_zh" text;--> statement-breakpoint
ALTER TABLE "creator" ADD COLUMN "location_zh" text;--> statement-breakpoint
ALTER TABLE "lesson" ADD COLUMN "title_zh" text;--> statement-breakpoint
ALTER TABLE "lesson" ADD COLUMN "body_zh" text;--> statement-breakpoint
ALTER TABLE "product" ADD COLUMN "title_zh" text;--> statement-breakpoint
ALTER TABLE "product" ADD COLUMN "subtitle_zh" text;--> statement-breakpoint
ALTER TABLE "product" ADD COLUMN "description_zh" text;--> statement-breakpoint
ALTER TABLE "campaign" ADD COLUMN "content_zh" jsonb;