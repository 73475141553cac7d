-- A practitioner's photo, as Unknot re-encoded it: JPEG in two sizes, with no metadata left from
-- the upload (no EXIF, no GPS). The original file is never kept. The version changes with each
-- upload and names the photo in its URL and ETag, so that browsers may cache it for long.
CREATE TABLE practitioner_photo (
    practitioner_id  text PRIMARY KEY REFERENCES practitioner (id) ON DELETE CASCADE,
    large_jpeg       bytea NOT NULL,
    small_jpeg       bytea NOT NULL,
    version          text NOT NULL,
    uploaded_at      timestamptz NOT NULL
);
