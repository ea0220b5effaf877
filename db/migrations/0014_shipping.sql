CREATE TYPE "public"."fulfilment_status" AS ENUM('pending', 'shipped', 'delivered');--> statement-breakpoint
CREATE TYPE "public"."shipping_method" AS ENUM('flat', 'size_band');--> statement-breakpoint
CREATE TYPE "public"."shipping_zone" AS ENUM('countries', 'domestic', 'region', 'worldwide');--> statement-breakpoint
CREATE TABLE "address" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"line1" text NOT NULL,
	"line2" text DEFAULT '' NOT NULL,
	"city" text NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"postal_code" text DEFAULT '' NOT NULL,
	"country" text NOT NULL,
	"phone" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fulfilment" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"creator_id" text NOT NULL,
	"status" "fulfilment_status" DEFAULT 'pending' NOT NULL,
	"carrier" text,
	"tracking_number" text,
	"shipped_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_address" (
	"order_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"line1" text NOT NULL,
	"line2" text DEFAULT '' NOT NULL,
	"city" text NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"postal_code" text DEFAULT '' NOT NULL,
	"country" text NOT NULL,
	"phone" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shipping_rate" (
	"id" text PRIMARY KEY NOT NULL,
	"creator_id" text NOT NULL,
	"zone" "shipping_zone" NOT NULL,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"method" "shipping_method" NOT NULL,
	"currency" text NOT NULL,
	"flat_amount" bigint DEFAULT 0 NOT NULL,
	"small_amount" bigint DEFAULT 0 NOT NULL,
	"medium_amount" bigint DEFAULT 0 NOT NULL,
	"large_amount" bigint DEFAULT 0 NOT NULL,
	"insurance_ppm" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shipping_rate_amounts" CHECK ("shipping_rate"."flat_amount" >= 0 and "shipping_rate"."small_amount" >= 0 and "shipping_rate"."medium_amount" >= 0 and "shipping_rate"."large_amount" >= 0),
	CONSTRAINT "shipping_rate_insurance" CHECK ("shipping_rate"."insurance_ppm" between 0 and 1000000)
);
--> statement-breakpoint
ALTER TABLE "order_line" ADD COLUMN "edition_number" integer;--> statement-breakpoint
ALTER TABLE "order_line" ADD COLUMN "edition_size" integer;--> statement-breakpoint
ALTER TABLE "address" ADD CONSTRAINT "address_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfilment" ADD CONSTRAINT "fulfilment_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."order"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfilment" ADD CONSTRAINT "fulfilment_creator_id_creator_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creator"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_address" ADD CONSTRAINT "order_address_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."order"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipping_rate" ADD CONSTRAINT "shipping_rate_creator_id_creator_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creator"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "address_user_idx" ON "address" USING btree ("user_id","last_used_at");--> statement-breakpoint
CREATE UNIQUE INDEX "fulfilment_order_creator_idx" ON "fulfilment" USING btree ("order_id","creator_id");--> statement-breakpoint
CREATE INDEX "fulfilment_creator_idx" ON "fulfilment" USING btree ("creator_id","status");--> statement-breakpoint
CREATE INDEX "shipping_rate_creator_idx" ON "shipping_rate" USING btree ("creator_id");