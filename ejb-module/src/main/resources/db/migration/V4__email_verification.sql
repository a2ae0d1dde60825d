-- Email verification: single-use tokens, stored only as SHA-256 hashes, valid for a limited time.
create table email_verification (
    token_hash  char(64)     primary key,
    account_id  uuid         not null references account (id),
    email       varchar(254) not null,
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    used_at     timestamptz
);
create index email_verification_account_idx on email_verification (account_id);
