DROP TABLE IF EXISTS announcements;
DROP TABLE IF EXISTS wishlist_items;
ALTER TABLE enrollments DROP COLUMN IF EXISTS last_lesson_id;
ALTER TABLE enrollments DROP COLUMN IF EXISTS source;
ALTER TABLE courses DROP COLUMN IF EXISTS featured;
