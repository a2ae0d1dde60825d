-- An account holder's data exports (GDPR Art. 15 and 20): requested, built by a job (the ZIP archive
-- is held here while READY), downloaded once (the archive is dropped) or expired unread.
create table data_export (
    id             uuid primary key,
    account_id     uuid         not null references account (id),
    status         varchar(12)  not null check (status in ('PENDING', 'READY', 'DOWNLOADED', 'EXPIRED')),
    requested_at   timestamptz  not null,
    ready_at       timestamptz,
    expires_at     timestamptz,
    downloaded_at  timestamptz,
    size_bytes     bigint,
    archive        bytea,
    check (status = 'READY' or archive is null)
);
create index data_export_account_idx on data_export (account_id, requested_at desc);
