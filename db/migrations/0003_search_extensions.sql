-- Trigram search (pg_trgm) on a tenant-first GIN index (btree_gin). Both ship with
-- PostgreSQL's contrib and with PGlite, and managed Postgres services allow them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;
