-- Every write to what visitors may see is announced on the channel `entraide_changes`, at its
-- commit, to every app server listening (`db/changes.rs`): a page kept in memory for visitors
-- (`server/page_cache.rs`) is then no longer served as current, whichever server wrote. One
-- statement-level trigger per table of `public`, but those no page shown to a visitor reads
-- (`changes::UNSEEN`, the same list as on SQLite; a test checks that both agree and that every
-- other table has the trigger). PostgreSQL sends one notification per transaction.
CREATE FUNCTION entraide_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('entraide_changes', '');
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t TEXT;
BEGIN
    FOR t IN
        SELECT tablename FROM pg_tables
        WHERE schemaname = 'public'
          AND tablename NOT IN ('outbox', 'push_outbox', 'alert_fanout', 'alert_hits', 'account_audit',
                                'export_audit', '_sqlx_migrations', 'spatial_ref_sys')
    LOOP
        EXECUTE format('CREATE TRIGGER entraide_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION entraide_changed()', t);
    END LOOP;
END
$$;
