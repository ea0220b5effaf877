ALTER TABLE "experiment" ADD COLUMN "sequential" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "experiment" ADD COLUMN "sequential_tuning" integer DEFAULT 5000 NOT NULL;--> statement-breakpoint
ALTER TABLE "experiment" ADD COLUMN "primary_metric" text DEFAULT 'conversion' NOT NULL;--> statement-breakpoint
ALTER TABLE "experiment" ADD COLUMN "min_detectable_effect" double precision DEFAULT 0.1 NOT NULL;--> statement-breakpoint
ALTER TABLE "experiment" ADD COLUMN "aa" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "experiment" ADD CONSTRAINT "experiment_sequential_tuning" CHECK ("experiment"."sequential_tuning" >= 100);--> statement-breakpoint
ALTER TABLE "experiment" ADD CONSTRAINT "experiment_primary_metric" CHECK ("experiment"."primary_metric" in ('conversion', 'revenue'));--> statement-breakpoint
ALTER TABLE "experiment" ADD CONSTRAINT "experiment_mde" CHECK ("experiment"."min_detectable_effect" > 0 and "experiment"."min_detectable_effect" <= 10);