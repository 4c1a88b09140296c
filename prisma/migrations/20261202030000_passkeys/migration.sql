-- CreateEnum
CREATE TYPE "PasskeyCeremony" AS ENUM ('REGISTRATION', 'AUTHENTICATION');

-- CreateTable
CREATE TABLE "passkeys" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "credential_id" TEXT NOT NULL,
    "public_key" TEXT NOT NULL,
    "counter" BIGINT NOT NULL DEFAULT 0,
    "transports" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "name" TEXT NOT NULL,
    "device_type" TEXT NOT NULL,
    "backed_up" BOOLEAN NOT NULL,
    "aaguid" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "passkeys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "passkey_challenges" (
    "id" UUID NOT NULL,
    "challenge" TEXT NOT NULL,
    "ceremony" "PasskeyCeremony" NOT NULL,
    "user_id" UUID,
    "session_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "passkey_challenges_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "passkeys_credential_id_key" ON "passkeys"("credential_id");

-- CreateIndex
CREATE INDEX "passkeys_user_id_idx" ON "passkeys"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "passkey_challenges_challenge_key" ON "passkey_challenges"("challenge");

-- CreateIndex
CREATE INDEX "passkey_challenges_expires_at_idx" ON "passkey_challenges"("expires_at");

-- AddForeignKey
ALTER TABLE "passkeys" ADD CONSTRAINT "passkeys_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "passkey_challenges" ADD CONSTRAINT "passkey_challenges_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "passkey_challenges" ADD CONSTRAINT "passkey_challenges_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "user_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand (issue 14, item 1): passkeys.

-- A passkey always has its list of transports (empty when the browser named none), and its
-- counter is the authenticator's unsigned 32-bit signature counter.
ALTER TABLE "passkeys" ADD CONSTRAINT "passkeys_transports_present" CHECK ("transports" IS NOT NULL);
ALTER TABLE "passkeys" ADD CONSTRAINT "passkeys_counter_range" CHECK ("counter" >= 0 AND "counter" <= 4294967295);

-- A registration challenge belongs to one user's session; every challenge lives minutes, not
-- longer (lib/passkeys/challenges.ts, CHALLENGE_MINUTES).
ALTER TABLE "passkey_challenges" ADD CONSTRAINT "passkey_challenges_registration_bound"
  CHECK ("ceremony" <> 'REGISTRATION' OR ("user_id" IS NOT NULL AND "session_id" IS NOT NULL));
ALTER TABLE "passkey_challenges" ADD CONSTRAINT "passkey_challenges_short_lived"
  CHECK ("expires_at" > "created_at" AND "expires_at" <= "created_at" + interval '10 minutes');
