CREATE TABLE "reco_dismissal" (
	"user_key" text NOT NULL,
	"product_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reco_dismissal_user_key_product_id_pk" PRIMARY KEY("user_key","product_id")
);
--> statement-breakpoint
ALTER TABLE "reco_dismissal" ADD CONSTRAINT "reco_dismissal_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE cascade ON UPDATE no action;