-- Positions: when the cell was last set (for the speed of the next change: a jump faster than
-- anyone travels is flagged for the moderators), and how many times it changed on the UTC day
-- location_day (a day's changes are limited, which slows moving a fake position around someone).
-- Only the current cell is kept, never the cells of the day.
alter table profile add column located_at timestamptz;
alter table profile add column location_day date;
alter table profile add column location_changes smallint not null default 0;
