CREATE TYPE "public"."artwork_condition" AS ENUM('mint', 'excellent', 'very_good', 'good', 'fair');--> statement-breakpoint
ALTER TABLE "artwork_detail" ADD COLUMN "condition" "artwork_condition";--> statement-breakpoint
ALTER TABLE "artwork_detail" ADD COLUMN "certificate" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "creator" ADD COLUMN "country" text;