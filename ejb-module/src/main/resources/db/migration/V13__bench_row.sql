-- Benchmark ceiling table, nothing else: the diagnostics-only endpoint POST /api/v1/system/bare-insert
-- (PLATFORM_DIAGNOSTICS=true) persists one row here through JPA, so benchmarks/matching-http can
-- compare swipes/s with the server's own rate for one bare JPA insert. The application never reads it.
create table bench_row (
    id  uuid primary key,
    at  timestamptz not null
);
