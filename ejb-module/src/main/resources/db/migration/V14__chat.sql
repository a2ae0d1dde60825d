-- Chat: one conversation per match. Messages get a gap-free sequence number per conversation; the
-- client's own id makes a resend (after a reconnect) land on the same message. Bodies are encrypted
-- at rest under the conversation's data key (wrapped by a master key: data_key_id names which).
create table conversation (
    match_id         uuid primary key references match (id),
    data_key_id      varchar(40)  not null,
    data_key         bytea        not null,
    last_seq         bigint       not null default 0,
    last_message_at  timestamptz
);

create table message (
    conversation_id  uuid         not null references conversation (match_id),
    seq              bigint       not null,
    sender_id        uuid         not null references account (id),
    client_id        varchar(64)  not null,
    kind             varchar(8)   not null check (kind in ('TEXT', 'PHOTO', 'E2E')),
    body             bytea        not null,
    created_at       timestamptz  not null,
    primary key (conversation_id, seq)
);
create unique index message_client_id_uq on message (conversation_id, sender_id, client_id);

-- How far each member has received and read a conversation (receipts, unread counts).
create table read_state (
    conversation_id  uuid    not null references conversation (match_id),
    account_id       uuid    not null references account (id),
    delivered_up_to  bigint  not null default 0,
    read_up_to       bigint  not null default 0,
    primary key (conversation_id, account_id)
);

-- Chat settings of a person: whether others may see when they are online.
create table chat_settings (
    account_id     uuid     primary key references account (id),
    hide_presence  boolean  not null default false
);
