-- CreateTable
CREATE TABLE "user_sessions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "user_agent" TEXT,
    "ip" TEXT,

    CONSTRAINT "user_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "user_sessions_user_id_idx" ON "user_sessions"("user_id");

-- AddForeignKey
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand (issue 12, M1): sessions that can be ended on the server.

-- The absolute limit is counted from sign-in: no update can move a session's end past 8 hours
-- after its start (lib/auth/user-sessions.ts, SESSION_MAX_HOURS).
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_absolute_limit"
  CHECK ("expires_at" > "created_at" AND "expires_at" <= "created_at" + interval '8 hours');

-- A new password or a change of roles or memberships ends every session of the user, whichever
-- path made the change (the app, the seed, an operator's SQL): signing in again is the only way
-- back in. Roles are read afresh on every request anyway; this also ends what a thief holds.
CREATE FUNCTION "user_sessions_end_for_user"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    UPDATE "user_sessions" SET "revoked_at" = CURRENT_TIMESTAMP WHERE "user_id" = OLD.id AND "revoked_at" IS NULL;
  ELSE
    UPDATE "user_sessions" SET "revoked_at" = CURRENT_TIMESTAMP
     WHERE "user_id" IN (OLD.user_id, CASE WHEN TG_OP = 'UPDATE' THEN NEW.user_id END) AND "revoked_at" IS NULL;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "users_password_change_ends_sessions"
  AFTER UPDATE OF "password_hash" ON "users"
  FOR EACH ROW WHEN (OLD.password_hash IS DISTINCT FROM NEW.password_hash)
  EXECUTE FUNCTION "user_sessions_end_for_user"();

CREATE TRIGGER "memberships_change_ends_sessions"
  AFTER UPDATE OF "roles", "user_id", "organization_id" ON "memberships"
  FOR EACH ROW WHEN (OLD.roles IS DISTINCT FROM NEW.roles OR OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.organization_id IS DISTINCT FROM NEW.organization_id)
  EXECUTE FUNCTION "user_sessions_end_for_user"();

CREATE TRIGGER "memberships_removal_ends_sessions"
  AFTER DELETE ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION "user_sessions_end_for_user"();
