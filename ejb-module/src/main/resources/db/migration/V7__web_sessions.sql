-- Browser sessions: the cookie carries 256 random bits, stored only as SHA-256. Revocable at once
-- (logout, logout everywhere, password change or reset, deletion); they end after an idle time and
-- at an absolute lifetime. The CSRF token is useless without the cookie, so it is kept as it is.
create table web_session (
    id              uuid primary key,
    account_id      uuid         not null references account (id),
    token_hash      char(64)     not null,
    csrf_token      varchar(64)  not null,
    created_at      timestamptz  not null,
    expires_at      timestamptz  not null,
    last_seen_at    timestamptz  not null,
    revoked_at      timestamptz,
    revoked_reason  varchar(40)
);
create unique index web_session_token_uq on web_session (token_hash);
create index web_session_account_idx on web_session (account_id) where revoked_at is null;
