-- A member's roles changed (issue 14): each of their live keys gets the new roles in the
-- organisation's key trail, so a verifier reads the signer's roles at the time of each step.
ALTER TYPE "KeyEventKind" ADD VALUE 'KEY_ROLES_CHANGED';
