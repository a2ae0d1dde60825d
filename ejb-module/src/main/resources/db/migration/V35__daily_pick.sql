-- The daily "most compatible" pick (issue #15, item 5): one row per person and day, written by the
-- daily job (DailyPickComputation) for the whole population at once. The pick is the person's
-- partner in a stable matching over predicted preference lists (mutual = true), or, for those the
-- matching leaves single, their best acceptable candidate (mutual = false). The flag and the rank
-- are for operators and evaluation only; the API never shows them (they would tell one person how
-- another ranks them). Rows are replaced by the next run and deleted a week after they expire, and
-- at erasure of either person (DailyPickErasure).
create table daily_pick (
    account_id   uuid         not null references account (id),
    day          date         not null,
    pick_id      uuid         not null references account (id),
    mutual       boolean      not null,
    pick_rank    smallint     not null,
    computed_at  timestamptz  not null,
    expires_at   timestamptz  not null,
    primary key (account_id, day),
    check (account_id <> pick_id)
);
-- Erasure of the picked person, and the week-old purge.
create index daily_pick_pick_idx on daily_pick (pick_id);
create index daily_pick_expires_idx on daily_pick (expires_at);
