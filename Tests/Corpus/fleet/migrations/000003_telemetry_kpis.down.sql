DROP TABLE IF EXISTS dispatch_jobs;
DROP TABLE IF EXISTS daily_kpis;
DROP TABLE IF EXISTS driver_ratings;
DROP TABLE IF EXISTS fuel_logs;
DROP TABLE IF EXISTS gps_pings;
DROP TYPE IF EXISTS dispatch_state;
DROP TYPE IF EXISTS fuel_type;
