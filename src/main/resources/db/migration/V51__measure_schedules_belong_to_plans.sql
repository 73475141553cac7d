-- Measure schedules meet treatment plans (issue 14). A schedule line whose plan does not exist
-- was never reachable (no page shows it, no visit asks it), so it is removed before the key
-- that forbids such lines from now on.
DELETE FROM measure_schedule s WHERE NOT EXISTS (SELECT 1 FROM treatment_plan p WHERE p.id = s.plan_id);
ALTER TABLE measure_schedule
    ADD CONSTRAINT measure_schedule_plan FOREIGN KEY (plan_id) REFERENCES treatment_plan (id) ON DELETE CASCADE;
