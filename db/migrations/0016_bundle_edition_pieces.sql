CREATE TABLE "order_line_piece" (
	"order_line_id" text NOT NULL,
	"product_id" text NOT NULL,
	"edition_number" integer NOT NULL,
	"edition_size" integer NOT NULL,
	CONSTRAINT "order_line_piece_order_line_id_product_id_pk" PRIMARY KEY("order_line_id","product_id"),
	CONSTRAINT "order_line_piece_number" CHECK ("order_line_piece"."edition_number" between 1 and "order_line_piece"."edition_size")
);
--> statement-breakpoint
ALTER TABLE "order_line_piece" ADD CONSTRAINT "order_line_piece_order_line_id_order_line_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "public"."order_line"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_line_piece" ADD CONSTRAINT "order_line_piece_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_line_piece_product_idx" ON "order_line_piece" USING btree ("product_id");