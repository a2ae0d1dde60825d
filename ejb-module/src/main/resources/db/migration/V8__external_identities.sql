-- Sign in with Google, Apple or Facebook: a provider's person (provider + subject) linked to an
-- account. Accounts created this way have no password until their owner sets one.
create table external_identity (
    provider    varchar(16)  not null check (provider in ('GOOGLE', 'APPLE', 'FACEBOOK')),
    subject     varchar(255) not null,
    account_id  uuid         not null references account (id),
    email       varchar(254),
    linked_at   timestamptz  not null,
    primary key (provider, subject)
);
create unique index external_identity_account_provider_uq on external_identity (account_id, provider);
