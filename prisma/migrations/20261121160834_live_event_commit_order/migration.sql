-- DropIndex
DROP INDEX "LiveEvent_restaurantId_id_idx";

-- AlterTable
ALTER TABLE "LiveEvent" ADD COLUMN     "seq" BIGINT;

-- CreateIndex
CREATE UNIQUE INDEX "LiveEvent_seq_key" ON "LiveEvent"("seq");

-- CreateIndex
CREATE INDEX "LiveEvent_restaurantId_seq_idx" ON "LiveEvent"("restaurantId", "seq");

-- Commit order for live events, without a lock held across client round trips.
-- Each event gets its `seq` when its transaction commits (a deferred constraint
-- trigger), under the restaurant's advisory lock, which is released by that
-- same commit: a restaurant's events are numbered in commit order, so a
-- reader that has seen seq 11 can never later find a 10. The lock lasts only
-- the server-side end of the commit, where publishers used to hold it from
-- their INSERT until the client sent COMMIT.
CREATE SEQUENCE "LiveEvent_commit_seq";

UPDATE "LiveEvent" e SET seq = o.n
FROM (SELECT id, nextval('"LiveEvent_commit_seq"') AS n FROM (SELECT id FROM "LiveEvent" ORDER BY id) ids) o
WHERE e.id = o.id;

CREATE FUNCTION "live_event_commit_order"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  n bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('vo_live:' || NEW."restaurantId"));
  n := nextval('"LiveEvent_commit_seq"');
  UPDATE "LiveEvent" SET seq = n WHERE id = NEW.id;
  PERFORM pg_notify('vo_live', NEW."restaurantId" || ':' || n::text);
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "LiveEvent_commit_order" AFTER INSERT ON "LiveEvent"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "live_event_commit_order"();
