-- Premium (issue #16): the revenue ledger, and entitlements as the derived store of what people
-- hold.

-- One row per money movement: a first charge, a renewal, a refund, a dispute (refunds and disputes
-- negative). Append-only: the application's role may insert and read (afterMigrate.sql), and the
-- trigger refuses any update or delete to everyone. Kept after an account's erasure: the account id
-- (which then names nobody), amounts and the provider's ids are bookkeeping records (README).
create table revenue_entry (
    id                 bigint       generated always as identity primary key,
    at                 timestamptz  not null,
    kind               varchar(12)  not null check (kind in ('CHARGE', 'RENEWAL', 'REFUND', 'DISPUTE')),
    account_id         uuid         not null,
    amount_minor       bigint       not null,
    currency           char(3)      not null check (currency ~ '^[A-Z]{3}$'),
    provider           varchar(16)  not null,
    provider_ref       varchar(128) not null,  -- invoice, checkout session, refund or dispute id
    provider_payment   varchar(128),           -- the charge or payment intent it moved money on
    provider_event_id  varchar(128) not null,
    plan_id            varchar(32),
    months             integer,
    product_id         varchar(32),
    subscription_id    uuid,
    purchase_id        uuid,
    unique (provider, kind, provider_ref)
);
create index revenue_entry_at_idx on revenue_entry (at);
create index revenue_entry_payment_idx on revenue_entry (provider, provider_payment);

create function revenue_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'revenue_entry is append-only';
end $$;
create trigger revenue_entry_append_only before update or delete on revenue_entry
    for each row execute function revenue_entry_is_append_only();

-- entitlement (V12) stays what the swipe reads in its one statement, now derived: Entitlements
-- writes a person's rows from their subscriptions whenever those change. amount is the count where
-- the entitlement has one (null: the platform's default, e.g. matching.premium.superlikes-per-day).
alter table entitlement drop constraint entitlement_name_check;
alter table entitlement add constraint entitlement_name_check check (name in ('UNLIMITED_LIKES',
    'MORE_SUPERLIKES', 'SEE_LIKES', 'REWIND', 'PASSPORT', 'BOOSTS', 'NO_ADS', 'MESSAGE_BEFORE_MATCH'));
alter table entitlement add column amount integer check (amount > 0);
