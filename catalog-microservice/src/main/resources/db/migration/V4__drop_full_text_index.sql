-- Search is the catalog's Lucene index (catalog/search) since the release before this one, so no running release
-- reads this index any more (a rolling deploy runs the previous release and this one side by side). Keeping it cost
-- every write of a title, author or description, and a long background merge on every server after a bulk load.
ALTER TABLE books DROP INDEX ft_books_text;
