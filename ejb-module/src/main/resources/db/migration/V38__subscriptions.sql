-- Premium (issue #16): subscriptions with their lifecycle and history, one-off purchases, the
-- payment providers' customer ids, and the webhook events applied (each once).

-- A subscription at one provider (STRIPE now; APPLE and GOOGLE later, mapped onto the same states).
-- provider_updated_at is the provider's time of the newest state applied: an older one arriving
-- late changes nothing (out-of-order delivery).
create table subscription (
    id                   uuid         primary key,
    account_id           uuid         not null references account (id),
    plan_id              varchar(32)  not null references plan (id),
    months               integer      not null check (months in (1, 6, 12)),
    provider             varchar(16)  not null check (provider in ('STRIPE', 'APPLE', 'GOOGLE')),
    provider_ref         varchar(128) not null,
    state                varchar(24)  not null check (state in ('TRIAL', 'ACTIVE', 'IN_GRACE', 'PAST_DUE',
                             'CANCELLED_AT_PERIOD_END', 'EXPIRED', 'REFUNDED', 'REVOKED')),
    period_end           timestamptz  not null,
    grace_until          timestamptz,
    provider_updated_at  timestamptz  not null,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    unique (provider, provider_ref)
);
create index subscription_account_idx on subscription (account_id);
-- The expiry job's work list: live subscriptions by the instant something is due.
create index subscription_due_idx on subscription (period_end)
    where state in ('TRIAL', 'ACTIVE', 'IN_GRACE', 'PAST_DUE', 'CANCELLED_AT_PERIOD_END');

-- Every transition, kept: what held when ("entitlements at an instant" read this).
create table subscription_change (
    id               bigint       generated always as identity primary key,
    subscription_id  uuid         not null references subscription (id),
    account_id       uuid         not null,
    plan_id          varchar(32)  not null,
    from_state       varchar(24),
    to_state         varchar(24)  not null,
    cause            varchar(40)  not null,
    access_until     timestamptz,  -- null: no access from this change on
    at               timestamptz  not null
);
create index subscription_change_account_idx on subscription_change (account_id, at);

-- A consumable bought once (a pack of super-likes or boosts).
create table purchase (
    id            uuid         primary key,
    account_id    uuid         not null references account (id),
    product_id    varchar(32)  not null references product (id),
    kind          varchar(16)  not null check (kind in ('SUPERLIKES', 'BOOSTS')),
    quantity      integer      not null check (quantity > 0),
    provider      varchar(16)  not null check (provider in ('STRIPE', 'APPLE', 'GOOGLE')),
    provider_ref  varchar(128) not null,
    state         varchar(16)  not null check (state in ('PAID', 'REFUNDED', 'REVOKED')),
    amount_minor  bigint       not null,
    currency      char(3)      not null,
    created_at    timestamptz  not null,
    ended_at      timestamptz,
    unique (provider, provider_ref)
);
create index purchase_account_idx on purchase (account_id);

-- A person's customer id at a provider (the Customer Portal needs it).
create table payment_customer (
    account_id    uuid         not null references account (id),
    provider      varchar(16)  not null,
    customer_ref  varchar(128) not null,
    created_at    timestamptz  not null,
    primary key (account_id, provider),
    unique (provider, customer_ref)
);

-- Webhook events applied: the key makes a duplicate delivery (even ten at once) a no-op.
create table payment_event (
    provider     varchar(16)  not null,
    event_id     varchar(128) not null,
    type         varchar(64)  not null,
    created_at   timestamptz  not null,  -- the provider's time of the event
    received_at  timestamptz  not null,
    primary key (provider, event_id)
);
create index payment_event_received_idx on payment_event (received_at);
