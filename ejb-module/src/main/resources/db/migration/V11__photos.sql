-- Photos: an upload is PENDING until the photo job made its sizes (READY) or refused it (REJECTED).
-- Files live in the media store under the content hash, so the same bytes are stored once.
create table photo (
    id            uuid primary key,
    account_id    uuid         not null references account (id),
    position      smallint     not null,
    status        varchar(10)  not null check (status in ('PENDING', 'READY', 'REJECTED')),
    reason        varchar(200),
    content_hash  char(64)     not null,
    width         integer,
    height        integer,
    sizes         varchar(40),
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);
create index photo_account_idx on photo (account_id, position);
create index photo_hash_idx on photo (content_hash);
