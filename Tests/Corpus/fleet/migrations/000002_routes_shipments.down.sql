DROP TABLE IF EXISTS shipment_events;
DROP TABLE IF EXISTS route_stops;
DROP TABLE IF EXISTS shipments;
DROP TABLE IF EXISTS routes;
DROP TYPE IF EXISTS shipment_status;
DROP TYPE IF EXISTS stop_kind;
DROP TYPE IF EXISTS route_status;
