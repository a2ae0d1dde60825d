-- Refresh tokens: stored only as SHA-256 hashes, rotated on each use, grouped in families so that
-- presenting a used token revokes the whole family (RFC 9700 section 4.14).
create table refresh_token (
    id                 uuid primary key,
    family_id          uuid         not null,
    account_id         uuid         not null references account (id),
    token_hash         char(64)     not null,
    created_at         timestamptz  not null,
    family_expires_at  timestamptz  not null,
    used_at            timestamptz,
    revoked_at         timestamptz,
    revoked_reason     varchar(40)
);
create unique index refresh_token_hash_uq on refresh_token (token_hash);
create index refresh_token_family_idx on refresh_token (family_id);
create index refresh_token_account_idx on refresh_token (account_id) where revoked_at is null;
