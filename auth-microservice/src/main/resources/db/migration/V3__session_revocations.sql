-- A revocation names either one access token (jti) or a whole session (session_id, the refresh-token family):
-- logging out, or a refresh token used twice, ends every access token of that session, not just the one in hand.
ALTER TABLE revocations MODIFY jti CHAR(36) NULL;
ALTER TABLE revocations ADD COLUMN session_id CHAR(36) NULL AFTER jti;
ALTER TABLE revocations ADD CONSTRAINT uk_revocations_session UNIQUE (session_id);
