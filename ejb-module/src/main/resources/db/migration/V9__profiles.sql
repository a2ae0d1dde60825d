-- Profiles: what people see of each other, and the settings that drive matching.
-- The catalogues are created here (empty) so the profile tables can reference them; V10 seeds them.

create table gender (
    slug      varchar(20)  primary key,
    label     varchar(40)  not null,
    position  smallint     not null unique
);

create table interest (
    id        integer      primary key,
    slug      varchar(40)  not null unique,
    label     varchar(60)  not null,
    category  varchar(40)  not null
);

create table prompt (
    id    integer       primary key,
    slug  varchar(40)   not null unique,
    text  varchar(200)  not null
);

-- One row per account, created lazily on first read. Display name and birth date stay on account.
--
-- wanted_genders is a text[] rather than a join table: it is a handful of slugs (at most the size
-- of the gender catalogue), always read and replaced together with the row, and matching filters it
-- with the array operators (&&, @>) that a GIN index serves. A join table would add a row and a
-- join per profile for no gain; the price is that the slugs are checked against the catalogue by
-- the application (Profiles.update) instead of by a foreign key. Same reasoning for languages.
--
-- Location: cell_lat/cell_lon are the CENTRE of a ~1 km grid cell (see LocationGrid); the position
-- the app sent is never stored. Both null until the owner shares a location.
create table profile (
    account_id       uuid         primary key references account (id) on delete cascade,
    gender           varchar(20)  references gender (slug),
    gender_text      varchar(40),
    wanted_genders   text[]       not null default '{}'
                     check (cardinality(wanted_genders) <= 10),
    age_min          smallint     not null default 18 check (age_min between 18 and 99),
    age_max          smallint     not null default 99 check (age_max between 18 and 99),
    max_distance_km  smallint     not null default 50 check (max_distance_km between 1 and 300),
    intent           varchar(30)
                     check (intent in ('LONG_TERM', 'LONG_TERM_OPEN_TO_SHORT', 'SHORT_TERM_OPEN_TO_LONG',
                                       'SHORT_TERM', 'FRIENDSHIP', 'FIGURING_OUT')),
    bio              varchar(500),
    job              varchar(100),
    education        varchar(100),
    height_cm        smallint     check (height_cm between 100 and 250),
    languages        text[]       not null default '{}'
                     check (cardinality(languages) <= 5
                            and array_to_string(languages, ',') ~ '^([a-z]{2}(,[a-z]{2})*)?$'),
    visibility       varchar(16)  not null default 'HIDDEN'
                     check (visibility in ('DISCOVERABLE', 'PAUSED', 'HIDDEN')),
    last_active_day  date,
    cell_lat         double precision check (cell_lat between -90 and 90),
    cell_lon         double precision check (cell_lon between -180 and 180),
    updated_at       timestamptz  not null,
    check (age_min <= age_max),
    check (visibility <> 'DISCOVERABLE' or gender is not null),
    check ((cell_lat is null) = (cell_lon is null))
);
create index profile_discoverable_cell_idx on profile (cell_lat, cell_lon) where visibility = 'DISCOVERABLE';
create index profile_wanted_genders_idx on profile using gin (wanted_genders);

-- Up to three prompts, at positions 1..3; a prompt is answered once per profile. The uniqueness is
-- deferred so that reordering (row-by-row updates) never trips over itself mid-statement.
create table profile_prompt (
    account_id  uuid          not null references profile (account_id) on delete cascade,
    position    smallint      not null check (position between 1 and 3),
    prompt_id   integer       not null references prompt (id),
    answer      varchar(200)  not null,
    primary key (account_id, position),
    constraint profile_prompt_once unique (account_id, prompt_id) deferrable initially deferred
);

create table profile_interest (
    account_id   uuid     not null references profile (account_id) on delete cascade,
    interest_id  integer  not null references interest (id),
    primary key (account_id, interest_id)
);

-- At most 10 interests per profile (Profile.INTERESTS_MAX). The application enforces it first;
-- this is the backstop. The profile row is updated in the same transaction, which serialises
-- concurrent edits of one profile.
create function profile_interest_limit() returns trigger language plpgsql as $$
begin
    if (select count(*) from profile_interest where account_id = new.account_id) >= 10 then
        raise exception 'a profile has at most 10 interests';
    end if;
    return new;
end $$;
create trigger profile_interest_limit before insert on profile_interest
    for each row execute function profile_interest_limit();
