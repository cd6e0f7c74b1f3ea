DROP INDEX "documents_client";--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "client_ids" jsonb;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "password_change_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "documents_client_seq" ON "documents" USING btree ("collection",("doc"->>'clientId'),"seq","id");