-- The members' states and the journal's documents compressed with lz4 rather than pglz, the
-- default: they are JSON of a few kilobytes written at every commit, and with 16 tills lz4 cut
-- PostgreSQL's CPU a commit by a fifth (benchmarks/RESULTS.md, "The server, fifth
-- measurement"). Values written before keep their method; PostgreSQL reads both.
-- A PostgreSQL built without lz4, or older than 14 (no SET COMPRESSION), keeps pglz: the
-- statements run through EXECUTE so that the refusal is caught here, and the notice says so.
-- (Inside the block no line ends with a semicolon: Migrations splits statements there.)
DO $$
BEGIN
  EXECUTE 'ALTER TABLE members ALTER COLUMN state SET COMPRESSION lz4'
  ; EXECUTE 'ALTER TABLE journal ALTER COLUMN request SET COMPRESSION lz4, ALTER COLUMN result SET COMPRESSION lz4'
  ; EXCEPTION WHEN feature_not_supported OR syntax_error OR invalid_parameter_value THEN
    RAISE NOTICE 'lz4 compression is not available here (%); the store keeps pglz', SQLERRM
  ; END
$$;
