-- Premium (issue #16): the catalogue. Plans and consumable products, their localized names and
-- their prices. Money is an integer amount in the currency's minor unit (cents) with its ISO 4217
-- code, never a floating-point number. Clients send a plan or product id and a period; the price is
-- always read here.

create table plan (
    id      varchar(32)  primary key check (id ~ '^[a-z][a-z0-9_]*$'),
    rank    integer      not null unique,  -- the order apps show them in (and upgrades go up)
    active  boolean      not null default true
);

-- What a plan grants; amount is the count where the entitlement has one (super-likes a day,
-- boosts a month, messages before matching a day), null where it is a yes/no.
create table plan_grant (
    plan_id      varchar(32)  not null references plan (id),
    entitlement  varchar(32)  not null check (entitlement in ('UNLIMITED_LIKES', 'MORE_SUPERLIKES', 'SEE_LIKES',
                     'REWIND', 'PASSPORT', 'BOOSTS', 'NO_ADS', 'MESSAGE_BEFORE_MATCH')),
    amount       integer      check (amount > 0),
    primary key (plan_id, entitlement)
);

create table plan_price (
    plan_id       varchar(32)  not null references plan (id),
    months        integer      not null check (months in (1, 6, 12)),
    currency      char(3)      not null check (currency ~ '^[A-Z]{3}$'),
    amount_minor  bigint       not null check (amount_minor > 0),
    primary key (plan_id, months, currency)
);

-- Consumables: packs of super-likes or boosts, bought once, used up.
create table product (
    id        varchar(32)  primary key check (id ~ '^[a-z][a-z0-9_]*$'),
    kind      varchar(16)  not null check (kind in ('SUPERLIKES', 'BOOSTS')),
    quantity  integer      not null check (quantity > 0),
    rank      integer      not null,
    active    boolean      not null default true
);

create table product_price (
    product_id    varchar(32)  not null references product (id),
    currency      char(3)      not null check (currency ~ '^[A-Z]{3}$'),
    amount_minor  bigint       not null check (amount_minor > 0),
    primary key (product_id, currency)
);

-- Names per language (en always, so every other language can fall back to it).
create table catalogue_name (
    item_id  varchar(32)  not null,
    locale   varchar(8)   not null check (locale ~ '^[a-z]{2}$'),
    name     varchar(64)  not null,
    primary key (item_id, locale)
);

insert into plan (id, rank) values ('plus', 1), ('gold', 2), ('platinum', 3);

insert into plan_grant (plan_id, entitlement, amount) values
    ('plus', 'UNLIMITED_LIKES', null), ('plus', 'REWIND', null), ('plus', 'PASSPORT', null), ('plus', 'NO_ADS', null),
    ('gold', 'UNLIMITED_LIKES', null), ('gold', 'REWIND', null), ('gold', 'PASSPORT', null), ('gold', 'NO_ADS', null),
    ('gold', 'SEE_LIKES', null), ('gold', 'MORE_SUPERLIKES', 5), ('gold', 'BOOSTS', 1),
    ('platinum', 'UNLIMITED_LIKES', null), ('platinum', 'REWIND', null), ('platinum', 'PASSPORT', null),
    ('platinum', 'NO_ADS', null), ('platinum', 'SEE_LIKES', null), ('platinum', 'MORE_SUPERLIKES', 10),
    ('platinum', 'BOOSTS', 2), ('platinum', 'MESSAGE_BEFORE_MATCH', 3);

insert into plan_price (plan_id, months, currency, amount_minor) values
    ('plus', 1, 'EUR', 999), ('plus', 6, 'EUR', 4494), ('plus', 12, 'EUR', 5988),
    ('plus', 1, 'USD', 1099), ('plus', 6, 'USD', 4794), ('plus', 12, 'USD', 6588),
    ('plus', 1, 'GBP', 899), ('plus', 6, 'GBP', 3894), ('plus', 12, 'GBP', 5388),
    ('gold', 1, 'EUR', 1999), ('gold', 6, 'EUR', 8994), ('gold', 12, 'EUR', 11988),
    ('gold', 1, 'USD', 2199), ('gold', 6, 'USD', 9594), ('gold', 12, 'USD', 13188),
    ('gold', 1, 'GBP', 1799), ('gold', 6, 'GBP', 7794), ('gold', 12, 'GBP', 10788),
    ('platinum', 1, 'EUR', 2999), ('platinum', 6, 'EUR', 13494), ('platinum', 12, 'EUR', 17988),
    ('platinum', 1, 'USD', 3299), ('platinum', 6, 'USD', 14394), ('platinum', 12, 'USD', 19788),
    ('platinum', 1, 'GBP', 2699), ('platinum', 6, 'GBP', 11694), ('platinum', 12, 'GBP', 16188);

insert into product (id, kind, quantity, rank) values
    ('superlikes_5', 'SUPERLIKES', 5, 1), ('superlikes_25', 'SUPERLIKES', 25, 2),
    ('boost_1', 'BOOSTS', 1, 3), ('boosts_5', 'BOOSTS', 5, 4);

insert into product_price (product_id, currency, amount_minor) values
    ('superlikes_5', 'EUR', 499), ('superlikes_5', 'USD', 549), ('superlikes_5', 'GBP', 449),
    ('superlikes_25', 'EUR', 1499), ('superlikes_25', 'USD', 1649), ('superlikes_25', 'GBP', 1349),
    ('boost_1', 'EUR', 399), ('boost_1', 'USD', 449), ('boost_1', 'GBP', 349),
    ('boosts_5', 'EUR', 1499), ('boosts_5', 'USD', 1649), ('boosts_5', 'GBP', 1349);

insert into catalogue_name (item_id, locale, name) values
    ('plus', 'en', 'Plus'), ('plus', 'de', 'Plus'),
    ('gold', 'en', 'Gold'), ('gold', 'de', 'Gold'),
    ('platinum', 'en', 'Platinum'), ('platinum', 'de', 'Platin'),
    ('superlikes_5', 'en', '5 Super Likes'), ('superlikes_5', 'de', '5 Super-Likes'),
    ('superlikes_25', 'en', '25 Super Likes'), ('superlikes_25', 'de', '25 Super-Likes'),
    ('boost_1', 'en', '1 Boost'), ('boost_1', 'de', '1 Boost'),
    ('boosts_5', 'en', '5 Boosts'), ('boosts_5', 'de', '5 Boosts');
