-- The series a book belongs to ("The Lord of the Rings"), when it does: readers search by it. The full-text index
-- of V1 is no longer read (search is the catalog's own index now) but stays until no running version uses it: an
-- instance of the previous release still searches with it during a rolling deploy.
ALTER TABLE books ADD COLUMN series VARCHAR(200) NULL;
