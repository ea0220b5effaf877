ALTER TABLE "comment" DROP CONSTRAINT "comment_body_length";--> statement-breakpoint
ALTER TABLE "comment" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "comment" ADD CONSTRAINT "comment_body_length" CHECK (char_length("comment"."body") between 1 and 2000 or ("comment"."user_id" is null and "comment"."body" = ''));