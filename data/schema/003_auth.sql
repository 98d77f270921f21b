-- API tokens and dashboard sessions (issue 5). Secrets are never stored: only their SHA-256, so a
-- copy of the warehouse file does not hand out access. See docs/api.md, "Security and behaviour".

-- One row per token. `brands` NULL means every brand (admin tokens only); revoking keeps the row so
-- the history of who could see what stays readable.
CREATE TABLE api_tokens (
  token_id      VARCHAR PRIMARY KEY,             -- public id, e.g. tok_3f9a1c2b7d, safe to log
  name          VARCHAR NOT NULL,
  role          VARCHAR NOT NULL CHECK (role IN ('viewer', 'planner', 'analyst', 'admin')),
  brands        VARCHAR[],
  token_hash    VARCHAR NOT NULL,                -- hex SHA-256 of the secret
  created_at    TIMESTAMP NOT NULL,
  last_used_at  TIMESTAMP,
  revoked_at    TIMESTAMP,
  CHECK (brands IS NOT NULL OR role = 'admin')
);

-- A browser session made from a token at sign-in. The cookie holds the opaque id; this table holds
-- its hash. A session dies with its token (revocation) or at expires_at.
CREATE TABLE api_sessions (
  session_hash  VARCHAR PRIMARY KEY,
  token_id      VARCHAR NOT NULL,
  created_at    TIMESTAMP NOT NULL,
  expires_at    TIMESTAMP NOT NULL
);
