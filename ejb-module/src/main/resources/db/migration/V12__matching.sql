-- Discovery, swipes and matches.

-- Geo search for the feed: PostgreSQL's cube + earthdistance, a GiST index on the cell centre as a
-- point on the earth. (PostGIS would do too, but is not in every PostgreSQL; these two ship with it.)
create extension if not exists cube;
create extension if not exists earthdistance;
create index profile_earth_idx on profile using gist (ll_to_earth(cell_lat, cell_lon))
    where visibility = 'DISCOVERABLE' and cell_lat is not null;

-- One swipe per person and candidate; repeating the same swipe changes nothing.
create table swipe (
    swiper_id   uuid         not null references account (id),
    target_id   uuid         not null references account (id),
    kind        varchar(10)  not null check (kind in ('LIKE', 'PASS', 'SUPERLIKE')),
    created_at  timestamptz  not null,
    primary key (swiper_id, target_id),
    check (swiper_id <> target_id)
);
-- "Likes you" and the reciprocal-like check read by target.
create index swipe_likes_in_idx on swipe (target_id, swiper_id) where kind <> 'PASS';

-- A match between two people, stored once with the smaller id first.
create table match (
    id                uuid primary key,
    user_a            uuid         not null references account (id),
    user_b            uuid         not null references account (id),
    created_at        timestamptz  not null,
    last_activity_at  timestamptz  not null,
    ended_at          timestamptz,
    ended_by          uuid,
    ended_reason      varchar(10)  check (ended_reason in ('UNMATCH', 'BLOCK', 'DELETED')),
    check (user_a < user_b)
);
create unique index match_pair_uq on match (user_a, user_b);
create index match_a_activity_idx on match (user_a, last_activity_at desc, id desc) where ended_at is null;
create index match_b_activity_idx on match (user_b, last_activity_at desc, id desc) where ended_at is null;

-- Blocks hide both people from each other everywhere, for good.
create table block (
    blocker_id  uuid         not null references account (id),
    blocked_id  uuid         not null references account (id),
    created_at  timestamptz  not null,
    primary key (blocker_id, blocked_id),
    check (blocker_id <> blocked_id)
);
create index block_blocked_idx on block (blocked_id, blocker_id);

-- Reports go to the moderators' queue with a reference to what was reported.
create table report (
    id           uuid primary key,
    reporter_id  uuid          not null references account (id),
    reported_id  uuid          not null references account (id),
    reason       varchar(24)   not null
                 check (reason in ('FAKE_PROFILE', 'INAPPROPRIATE_PHOTOS', 'HARASSMENT', 'SPAM', 'SCAM', 'UNDERAGE', 'OFFENSIVE', 'OTHER')),
    comment      varchar(1000),
    content_ref  varchar(100)  not null,
    status       varchar(12)   not null default 'OPEN' check (status in ('OPEN', 'ACTIONED', 'DISMISSED')),
    created_at   timestamptz   not null
);
create index report_open_idx on report (created_at) where status = 'OPEN';

-- What a person may do beyond the free plan, until when (the premium issue sells them).
create table entitlement (
    account_id  uuid         not null references account (id),
    name        varchar(32)  not null check (name in ('UNLIMITED_LIKES', 'MORE_SUPERLIKES', 'SEE_LIKES')),
    until       timestamptz  not null,
    primary key (account_id, name)
);

-- Likes and super-likes used per UTC day, counted as they are spent.
create table daily_usage (
    account_id  uuid     not null references account (id),
    day         date     not null,
    likes       integer  not null default 0,
    superlikes  integer  not null default 0,
    primary key (account_id, day)
);

-- Swipes others gave a person, for the ranker's like rate; updated from the events, not the swipe.
create table swipe_stats (
    account_id  uuid     primary key references account (id),
    likes_in    integer  not null default 0,
    passes_in   integer  not null default 0
);

-- Transactional outbox: events written in the transaction that caused them, sent to JMS after.
create table outbox (
    id          bigint generated always as identity primary key,
    type        varchar(40)  not null,
    payload     text         not null,
    created_at  timestamptz  not null
);
