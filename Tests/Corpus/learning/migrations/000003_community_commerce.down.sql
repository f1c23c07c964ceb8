DROP TABLE IF EXISTS payments;
DROP TABLE IF EXISTS coupons;
DROP TABLE IF EXISTS discussion_posts;
DROP TABLE IF EXISTS course_reviews;
DROP TYPE IF EXISTS payment_status;
DROP TYPE IF EXISTS discount_kind;
