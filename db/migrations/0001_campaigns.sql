CREATE TYPE "public"."campaign_status" AS ENUM('draft', 'preview', 'running', 'paused', 'ended');--> statement-breakpoint
CREATE TYPE "public"."experiment_mode" AS ENUM('fixed', 'bandit');--> statement-breakpoint
CREATE TABLE "campaign_channel" (
	"campaign_id" text NOT NULL,
	"source" text NOT NULL,
	"budget_amount" integer NOT NULL,
	"spent_amount" integer DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	CONSTRAINT "campaign_channel_campaign_id_source_pk" PRIMARY KEY("campaign_id","source"),
	CONSTRAINT "campaign_channel_amounts" CHECK ("campaign_channel"."budget_amount" >= 0 and "campaign_channel"."spent_amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "campaign_featured" (
	"campaign_id" text NOT NULL,
	"product_id" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "campaign_featured_campaign_id_product_id_pk" PRIMARY KEY("campaign_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_partner" (
	"campaign_id" text NOT NULL,
	"creator_id" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "campaign_partner_campaign_id_creator_id_pk" PRIMARY KEY("campaign_id","creator_id")
);
--> statement-breakpoint
CREATE TABLE "campaign" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"status" "campaign_status" DEFAULT 'draft' NOT NULL,
	"bundle_product_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"content" jsonb NOT NULL,
	"audience" jsonb NOT NULL,
	"preview_token" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_slug_unique" UNIQUE("slug"),
	CONSTRAINT "campaign_window" CHECK ("campaign"."ends_at" > "campaign"."starts_at"),
	CONSTRAINT "campaign_slug_format" CHECK ("campaign"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "experiment_exposure" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "experiment_exposure_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"experiment_id" text NOT NULL,
	"bucket_version" integer NOT NULL,
	"variant" integer NOT NULL,
	"visitor_id" text NOT NULL,
	"user_id" text,
	"utm_source" text,
	"exposed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experiment_variant" (
	"experiment_id" text NOT NULL,
	"position" integer NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"weight" double precision NOT NULL,
	"content" jsonb NOT NULL,
	CONSTRAINT "experiment_variant_experiment_id_position_pk" PRIMARY KEY("experiment_id","position"),
	CONSTRAINT "experiment_variant_weight" CHECK ("experiment_variant"."weight" >= 0 and "experiment_variant"."weight" <= 1)
);
--> statement-breakpoint
CREATE TABLE "experiment_weight_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "experiment_weight_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"experiment_id" text NOT NULL,
	"bucket_version" integer NOT NULL,
	"weights" jsonb NOT NULL,
	"coverage" double precision NOT NULL,
	"reason" text NOT NULL,
	"data" jsonb,
	"starts_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experiment" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"key" text NOT NULL,
	"mode" "experiment_mode" DEFAULT 'fixed' NOT NULL,
	"coverage" double precision DEFAULT 1 NOT NULL,
	"bucket_version" integer DEFAULT 1 NOT NULL,
	"bandit_cadence_minutes" integer DEFAULT 60 NOT NULL,
	"bandit_updated_at" timestamp with time zone,
	"launched_weights" jsonb,
	"launched_coverage" double precision,
	CONSTRAINT "experiment_campaign_id_unique" UNIQUE("campaign_id"),
	CONSTRAINT "experiment_key_unique" UNIQUE("key"),
	CONSTRAINT "experiment_coverage" CHECK ("experiment"."coverage" > 0 and "experiment"."coverage" <= 1),
	CONSTRAINT "experiment_cadence" CHECK ("experiment"."bandit_cadence_minutes" >= 1)
);
--> statement-breakpoint
CREATE TABLE "visitor_user" (
	"visitor_id" text NOT NULL,
	"user_id" text NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visitor_user_visitor_id_user_id_pk" PRIMARY KEY("visitor_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "campaign_channel" ADD CONSTRAINT "campaign_channel_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_featured" ADD CONSTRAINT "campaign_featured_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_featured" ADD CONSTRAINT "campaign_featured_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_partner" ADD CONSTRAINT "campaign_partner_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_partner" ADD CONSTRAINT "campaign_partner_creator_id_creator_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creator"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_bundle_product_id_product_id_fk" FOREIGN KEY ("bundle_product_id") REFERENCES "public"."product"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_exposure" ADD CONSTRAINT "experiment_exposure_experiment_id_experiment_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_exposure" ADD CONSTRAINT "experiment_exposure_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_variant" ADD CONSTRAINT "experiment_variant_experiment_id_experiment_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_weight_history" ADD CONSTRAINT "experiment_weight_history_experiment_id_experiment_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment" ADD CONSTRAINT "experiment_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitor_user" ADD CONSTRAINT "visitor_user_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_status_idx" ON "campaign" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "experiment_exposure_visitor_idx" ON "experiment_exposure" USING btree ("experiment_id","bucket_version","visitor_id");--> statement-breakpoint
CREATE INDEX "experiment_exposure_time_idx" ON "experiment_exposure" USING btree ("experiment_id","bucket_version","exposed_at");--> statement-breakpoint
CREATE INDEX "experiment_exposure_user_idx" ON "experiment_exposure" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "experiment_variant_key_idx" ON "experiment_variant" USING btree ("experiment_id","key");--> statement-breakpoint
CREATE INDEX "experiment_weight_history_idx" ON "experiment_weight_history" USING btree ("experiment_id","bucket_version","starts_at");--> statement-breakpoint
CREATE INDEX "visitor_user_user_idx" ON "visitor_user" USING btree ("user_id");