-- Phone numbers are kept in E.164 (+19735550142) from now on. Earlier rows hold what was
-- typed: North American numbers written in any of the usual ways, and numbers typed with
-- their country code, are rewritten here; anything else stays as typed (the application
-- reads it as it was, and the patient can correct it in their account).
WITH typed AS (
    SELECT id, phone, regexp_replace(phone, '[^0-9]', '', 'g') AS digits
    FROM patient
    WHERE phone IS NOT NULL AND phone !~ '^\+[1-9][0-9]{6,14}$'
      AND phone ~ '^[+()0-9 .\-]+$'
)
UPDATE patient p
SET phone = CASE
        WHEN btrim(t.phone) LIKE '+%' THEN '+' || t.digits
        WHEN t.digits ~ '^1[2-9][0-9]{2}[2-9][0-9]{6}$' THEN '+' || t.digits
        ELSE '+1' || t.digits
    END
FROM typed t
WHERE p.id = t.id
  AND (  (btrim(t.phone) LIKE '+%' AND t.digits ~ '^[1-9][0-9]{6,14}$')
      OR t.digits ~ '^1?[2-9][0-9]{2}[2-9][0-9]{6}$');
