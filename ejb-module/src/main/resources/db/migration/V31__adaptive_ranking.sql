-- Adaptive ranking (issue #15): what the learned ranker learns from and keeps.

-- How long the card was on screen before the swipe, when the app says (optional): a quick swipe
-- weighs less in training than a considered one.
alter table swipe add column dwell_ms integer check (dwell_ms between 0 and 3600000);

-- Per person, decayed sums of recent behaviour (each event counts exp(-age / tau), tau from
-- ranking.signal-half-life): updated in batches from the domain events, read by the ranker for the
-- seeker and each candidate. Values are as of updated_at; readers decay them to now.
create table person_signal (
    account_id   uuid              primary key references account (id),
    likes_in     double precision  not null default 0,
    passes_in    double precision  not null default 0,
    likes_out    double precision  not null default 0,
    passes_out   double precision  not null default 0,
    negative_in  double precision  not null default 0,
    matches      double precision  not null default 0,
    shown        double precision  not null default 0,
    shown_day    date,
    shown_today  integer           not null default 0,
    updated_at   timestamptz       not null
);

-- Trained models, one row per version; the newest is used unless ranking_setting names another
-- (a rollback). The model holds no account ids: people appear as hashed buckets.
create table ranking_model (
    version      integer           generated always as identity primary key,
    trained_at   timestamptz       not null,
    examples     integer           not null,
    people       integer           not null,
    auc          double precision,
    training_ms  bigint            not null,
    size_bytes   integer           not null,
    model        bytea             not null
);

-- Which ranker the feed uses, one row for every instance: learned (default), simple, random or
-- popularity; the model version to use (null: the newest).
create table ranking_setting (
    id             smallint     primary key check (id = 1),
    ranker         varchar(16)  not null check (ranker in ('learned', 'simple', 'random', 'popularity')),
    model_version  integer      references ranking_model (version),
    updated_at     timestamptz  not null,
    updated_by     uuid
);
