-- Two-step payments (issue 16): orders wait in pending_payment, holding their stock (order_hold),
-- until the provider's signed webhook (payment_event, one row per event applied) marks them paid or
-- failed, or the sweep expires them. Lines get a kind so shipping and tax can be lines of the total.
-- sim_payment is the simulated provider's own side. Existing orders were paid in one step: they stay paid.
CREATE TYPE "public"."order_line_kind" AS ENUM('item', 'shipping', 'tax');--> statement-breakpoint
CREATE TYPE "public"."sim_payment_status" AS ENUM('requires_confirmation', 'requires_action', 'succeeded', 'failed', 'canceled');--> statement-breakpoint
ALTER TYPE "public"."order_status" ADD VALUE 'pending_payment';--> statement-breakpoint
ALTER TYPE "public"."order_status" ADD VALUE 'payment_failed';--> statement-breakpoint
ALTER TYPE "public"."order_status" ADD VALUE 'expired';--> statement-breakpoint
ALTER TYPE "public"."order_status" ADD VALUE 'fulfilled';--> statement-breakpoint
ALTER TYPE "public"."payment_status" ADD VALUE 'pending';--> statement-breakpoint
ALTER TYPE "public"."payment_status" ADD VALUE 'canceled';--> statement-breakpoint
CREATE TABLE "order_hold" (
	"order_id" text NOT NULL,
	"product_id" text NOT NULL,
	"kind" text NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "order_hold_order_id_product_id_pk" PRIMARY KEY("order_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "payment_event" (
	"provider" text NOT NULL,
	"event_id" text NOT NULL,
	"order_id" text,
	"type" text NOT NULL,
	"outcome" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_event_provider_event_id_pk" PRIMARY KEY("provider","event_id")
);
--> statement-breakpoint
CREATE TABLE "sim_payment" (
	"id" text PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"merchant_reference" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"description" text NOT NULL,
	"return_url" text NOT NULL,
	"status" "sim_payment_status" DEFAULT 'requires_confirmation' NOT NULL,
	"failure_code" text,
	"webhook_pending" boolean DEFAULT false NOT NULL,
	"webhook_attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "order_line" ALTER COLUMN "product_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "order_line" ALTER COLUMN "creator_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "payment" ALTER COLUMN "reference" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "order_line" ADD COLUMN "kind" "order_line_kind" DEFAULT 'item' NOT NULL;--> statement-breakpoint
ALTER TABLE "order_line" ADD COLUMN "included" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "order_line" ADD COLUMN "offer_id" text;--> statement-breakpoint
ALTER TABLE "order" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "order" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "order" ADD COLUMN "paid_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "order" ADD COLUMN "fulfilled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payment" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "payment" ADD COLUMN "confirm_url" text;--> statement-breakpoint
ALTER TABLE "payment" ADD COLUMN "failure_code" text;--> statement-breakpoint
ALTER TABLE "payment" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "order_hold" ADD CONSTRAINT "order_hold_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."order"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_hold" ADD CONSTRAINT "order_hold_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_event" ADD CONSTRAINT "payment_event_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."order"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_hold_product_idx" ON "order_hold" USING btree ("product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sim_payment_idempotency_idx" ON "sim_payment" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "sim_payment_webhook_idx" ON "sim_payment" USING btree ("updated_at") WHERE "sim_payment"."webhook_pending";--> statement-breakpoint
ALTER TABLE "order_line" ADD CONSTRAINT "order_line_offer_id_offer_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offer"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_status_expiry_idx" ON "order" USING btree ("status","expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_idempotency_idx" ON "payment" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_reference_idx" ON "payment" USING btree ("provider","reference");--> statement-breakpoint
CREATE INDEX "payment_order_idx" ON "payment" USING btree ("order_id");--> statement-breakpoint
ALTER TABLE "order_line" ADD CONSTRAINT "order_line_item_product" CHECK (("order_line"."kind" = 'item') = ("order_line"."product_id" is not null));--> statement-breakpoint
ALTER TABLE "order_line" ADD CONSTRAINT "order_line_included_tax" CHECK (not "order_line"."included" or "order_line"."kind" = 'tax');