-- End-to-end encryption: the public halves of each person's keys, published by their app and handed
-- to their matches. The server never holds a private key; it stores and relays these bytes only.

-- The long-lived keys and the current signed pre-key (X3DH style): an X25519 identity key, the
-- Ed25519 key that signs the pre-key, and the signed pre-key with its signature over its raw bytes.
create table e2e_identity (
    account_id               uuid         primary key references account (id),
    identity_key             bytea        not null check (octet_length(identity_key) = 32),
    signing_key              bytea        not null check (octet_length(signing_key) = 32),
    signed_prekey_id         integer      not null check (signed_prekey_id >= 0),
    signed_prekey            bytea        not null check (octet_length(signed_prekey) = 32),
    signed_prekey_signature  bytea        not null check (octet_length(signed_prekey_signature) = 64),
    updated_at               timestamptz  not null
);

-- One-time pre-keys (X25519 public keys): each is handed out once, and deleted as it is.
create table e2e_one_time_prekey (
    account_id  uuid     not null references e2e_identity (account_id) on delete cascade,
    key_id      integer  not null check (key_id >= 0),
    public_key  bytea    not null check (octet_length(public_key) = 32),
    primary key (account_id, key_id)
);
