-- Signed milestones (issue 14): organisations that require them, credits that require them (decided
-- at the first milestone and anchored in it), the signatures each milestone's digest commits to, the
-- maker's signed preparation on a pending approval, the organisations' anchored key trails, and the
-- statements shown to a signer before they sign.

ALTER TABLE organizations ADD COLUMN sign_milestones boolean NOT NULL DEFAULT false;
ALTER TABLE credits ADD COLUMN signatures_required boolean NOT NULL DEFAULT false;
ALTER TABLE milestones ADD COLUMN signatures jsonb;
ALTER TABLE milestones ADD CONSTRAINT milestones_signatures_array CHECK (signatures IS NULL OR jsonb_typeof(signatures) = 'array');
ALTER TABLE approvals ADD COLUMN preparation jsonb, ADD COLUMN maker_signature jsonb;

CREATE TYPE "KeyEventKind" AS ENUM ('KEY_ADDED', 'KEY_REVOKED');

CREATE TABLE key_events (
  id uuid NOT NULL,
  organization_id uuid NOT NULL,
  seq integer NOT NULL,
  kind "KeyEventKind" NOT NULL,
  content jsonb NOT NULL,
  prev_digest text NOT NULL,
  salt text NOT NULL,
  digest text NOT NULL,
  batch_id uuid,
  proof text[],
  created_at timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT key_events_pkey PRIMARY KEY (id),
  CONSTRAINT key_events_seq_positive CHECK (seq >= 1)
);
CREATE UNIQUE INDEX key_events_digest_key ON key_events (digest);
CREATE UNIQUE INDEX key_events_organization_id_seq_key ON key_events (organization_id, seq);
CREATE INDEX key_events_batch_id_idx ON key_events (batch_id);
-- The worker's outbox read: pending key events, oldest first.
CREATE INDEX key_events_created_at_idx ON key_events (created_at);
ALTER TABLE key_events ADD CONSTRAINT key_events_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE key_events ADD CONSTRAINT key_events_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES anchor_batches (id) ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE signing_requests (
  id uuid NOT NULL,
  user_id uuid NOT NULL,
  credit_id uuid NOT NULL,
  action text NOT NULL,
  subject_id uuid,
  request_hash text NOT NULL,
  statement jsonb NOT NULL,
  challenge text NOT NULL,
  credit_version integer NOT NULL,
  recorded_at timestamptz(3) NOT NULL,
  expires_at timestamptz(3) NOT NULL,
  CONSTRAINT signing_requests_pkey PRIMARY KEY (id)
);
CREATE UNIQUE INDEX signing_requests_challenge_key ON signing_requests (challenge);
CREATE INDEX signing_requests_expires_at_idx ON signing_requests (expires_at);
ALTER TABLE signing_requests ADD CONSTRAINT signing_requests_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE signing_requests ADD CONSTRAINT signing_requests_credit_id_fkey FOREIGN KEY (credit_id) REFERENCES credits (id) ON DELETE CASCADE ON UPDATE CASCADE;
