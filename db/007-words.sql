-- Schema version 7.  Term bitmaps of the words index (terms.h): for each
-- word FTS5 holds, and for the first 1, 2 and 3 characters of each, the
-- people whose document has it, so that a short prefix that matches half
-- the pool is a few BLOB reads, not a merge of every word it starts.
-- fts.c keeps them as it writes the index; this vocabulary of the index
-- (each word and the documents that hold it) is what they are built and
-- checked from.  Not live until the next commit builds them.
CREATE VIRTUAL TABLE person_fts_words USING fts5vocab(person_fts, instance);
UPDATE term_state SET live = 0;
