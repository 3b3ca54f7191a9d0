-- A phone line's restaurant, codec or state decides where a call goes; the API
-- caches lines by called number, so an edit is pushed to it like a menu change
-- (see catalog_change_notify).
CREATE TRIGGER "PhoneLine_catalog_changed" AFTER INSERT OR UPDATE OR DELETE ON "PhoneLine"
  FOR EACH ROW EXECUTE FUNCTION "catalog_changed"('restaurantId');
