-- wrk script: the diagnostics-only ceiling POST /api/v1/system/bare-insert (one JPA insert, nothing
-- else; needs PLATFORM_DIAGNOSTICS=true). wrk reports any non-2xx answers itself.
wrk.method = "POST"
