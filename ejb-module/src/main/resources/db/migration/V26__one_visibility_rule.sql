-- Who may see whom, written once (the visibility component, app.dating.visibility). The rule was
-- repeated in the feed's candidate query, the feed's cards, the swipe batch, the likes and the
-- profile check, each a little differently (the matches list did not check it at all). Now every
-- query and check that shows one person to another asks these functions, and so does Visibility:
--
--   may_browse(viewer)           the viewer may look at others at all: an active account (not
--                                suspended, not deleted) whose email address is verified
--   accounts_visible_to(viewer)  the accounts shown to that viewer: active, not the viewer, not
--                                blocked either way (the matches list, the likes)
--   profiles_visible_to(viewer)  the profiles shown to that viewer: of those accounts the verified
--                                ones with a discoverable profile (feed, cards, swipes, profile
--                                pages, photos)
--   visible_to(viewer, owner)    one profile: one's own always, another's as above
--
-- The two set-returning functions are plain SQL, STABLE and not STRICT, so PostgreSQL inlines them
-- into the query that calls them (a subquery it flattens into the caller): the planner sees the
-- tables and their indexes as if the rule were written out there. The feed's candidate query keeps
-- its nearest-first walk of the GiST index profile_earth_age_idx (EXPLAIN in the commit that made
-- this). may_browse and visible_to hold sub-selects, so they are not inlined: called with the viewer
-- alone, may_browse is a one-time filter of the query, evaluated once.

create function may_browse(viewer uuid) returns boolean
language sql stable parallel safe as $$
    select exists (select 1 from account v
                    where v.id = viewer and v.status = 'ACTIVE' and v.email_verified)
$$;

create function accounts_visible_to(viewer uuid) returns setof account
language sql stable parallel safe as $$
    select a.* from account a
     where a.id <> viewer and a.status = 'ACTIVE' and may_browse(viewer)
       and not exists (select 1 from block b where b.blocker_id = viewer and b.blocked_id = a.id)
       and not exists (select 1 from block b where b.blocker_id = a.id and b.blocked_id = viewer)
$$;

-- The columns the feed and the profile checks read: the profile's, with the account's name and
-- birth date (one row per person, so the callers need no second join to account).
create function profiles_visible_to(viewer uuid)
returns table (account_id uuid, display_name varchar, birth_date date, gender varchar,
               wanted_genders text[], age_min smallint, age_max smallint, max_distance_km smallint,
               intent varchar, bio varchar, cell_lat double precision, cell_lon double precision,
               last_active_day date)
language sql stable parallel safe as $$
    select p.account_id, a.display_name, a.birth_date, p.gender, p.wanted_genders, p.age_min,
           p.age_max, p.max_distance_km, p.intent, p.bio, p.cell_lat, p.cell_lon, p.last_active_day
      from profile p join accounts_visible_to(viewer) a on a.id = p.account_id
     where p.visibility = 'DISCOVERABLE' and a.email_verified
$$;

create function visible_to(viewer uuid, owner uuid) returns boolean
language sql stable parallel safe as $$
    select viewer = owner
        or exists (select 1 from profiles_visible_to(viewer) v where v.account_id = owner)
$$;
