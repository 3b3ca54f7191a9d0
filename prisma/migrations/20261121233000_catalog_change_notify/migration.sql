-- What the agent knows and how orders are priced (menu, options, formules,
-- hours, closures, services, offers, rooms and tables, delivery zones,
-- answered FAQ, the restaurant's settings) is cached in every API process.
-- A change tells them all when it commits (NOTIFY is transactional), by any
-- writer: the dashboard, an import, a sync, or SQL by hand. The payload is the
-- restaurant's id; it is empty where the table does not hold one, and then
-- every restaurant's cache reloads.
CREATE FUNCTION "catalog_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_data jsonb;
BEGIN
  IF TG_LEVEL = 'STATEMENT' THEN
    PERFORM pg_notify('vo_catalog', '');
    RETURN NULL;
  END IF;
  row_data := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
  PERFORM pg_notify('vo_catalog', coalesce(row_data ->> TG_ARGV[0], ''));
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Restaurant_catalog_changed" AFTER INSERT OR UPDATE OR DELETE ON "Restaurant"
  FOR EACH ROW EXECUTE FUNCTION "catalog_changed"('id');
CREATE TRIGGER "OpeningHours_catalog_changed" AFTER INSERT OR UPDATE OR DELETE ON "OpeningHours"
  FOR EACH ROW EXECUTE FUNCTION "catalog_changed"('restaurantId');
CREATE TRIGGER "Closure_catalog_changed" AFTER INSERT OR UPDATE OR DELETE ON "Closure"
  FOR EACH ROW EXECUTE FUNCTION "catalog_changed"('restaurantId');
CREATE TRIGGER "MenuCategory_catalog_changed" AFTER INSERT OR UPDATE OR DELETE ON "MenuCategory"
  FOR EACH ROW EXECUTE FUNCTION "catalog_changed"('restaurantId');
CREATE TRIGGER "MenuItem_catalog_changed" AFTER INSERT OR UPDATE OR DELETE ON "MenuItem"
  FOR EACH ROW EXECUTE FUNCTION "catalog_changed"('restaurantId');
CREATE TRIGGER "OptionGroup_catalog_changed" AFTER INSERT OR UPDATE OR DELETE ON "OptionGroup"
  FOR EACH ROW EXECUTE FUNCTION "catalog_changed"('restaurantId');
CREATE TRIGGER "Formula_catalog_changed" AFTER INSERT OR UPDATE OR DELETE ON "Formula"
  FOR EACH ROW EXECUTE FUNCTION "catalog_changed"('restaurantId');
CREATE TRIGGER "DiningService_catalog_changed" AFTER INSERT OR UPDATE OR DELETE ON "DiningService"
  FOR EACH ROW EXECUTE FUNCTION "catalog_changed"('restaurantId');
CREATE TRIGGER "Offer_catalog_changed" AFTER INSERT OR UPDATE OR DELETE ON "Offer"
  FOR EACH ROW EXECUTE FUNCTION "catalog_changed"('restaurantId');
CREATE TRIGGER "DiningRoom_catalog_changed" AFTER INSERT OR UPDATE OR DELETE ON "DiningRoom"
  FOR EACH ROW EXECUTE FUNCTION "catalog_changed"('restaurantId');
CREATE TRIGGER "DiningTable_catalog_changed" AFTER INSERT OR UPDATE OR DELETE ON "DiningTable"
  FOR EACH ROW EXECUTE FUNCTION "catalog_changed"('restaurantId');
CREATE TRIGGER "DeliveryZone_catalog_changed" AFTER INSERT OR UPDATE OR DELETE ON "DeliveryZone"
  FOR EACH ROW EXECUTE FUNCTION "catalog_changed"('restaurantId');

-- Children that do not hold the restaurant's id: once per statement, for every restaurant.
CREATE TRIGGER "Option_catalog_changed" AFTER INSERT OR UPDATE OR DELETE ON "Option"
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog_changed"();
CREATE TRIGGER "MenuItemOptionGroup_catalog_changed" AFTER INSERT OR UPDATE OR DELETE ON "MenuItemOptionGroup"
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog_changed"();
CREATE TRIGGER "FormulaStep_catalog_changed" AFTER INSERT OR UPDATE OR DELETE ON "FormulaStep"
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog_changed"();
CREATE TRIGGER "FormulaStepChoice_catalog_changed" AFTER INSERT OR UPDATE OR DELETE ON "FormulaStepChoice"
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog_changed"();

-- The FAQ: only answered entries are in the agent's knowledge. A caller's new
-- or repeated question (open) changes nothing the agent is told.
CREATE TRIGGER "Faq_catalog_changed_insert" AFTER INSERT ON "Faq"
  FOR EACH ROW WHEN (NEW.status = 'answered') EXECUTE FUNCTION "catalog_changed"('restaurantId');
CREATE TRIGGER "Faq_catalog_changed_update" AFTER UPDATE ON "Faq"
  FOR EACH ROW WHEN (OLD.status = 'answered' OR NEW.status = 'answered') EXECUTE FUNCTION "catalog_changed"('restaurantId');
CREATE TRIGGER "Faq_catalog_changed_delete" AFTER DELETE ON "Faq"
  FOR EACH ROW WHEN (OLD.status = 'answered') EXECUTE FUNCTION "catalog_changed"('restaurantId');
