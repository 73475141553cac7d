-- A practitioner who does not treat the patient opened a report in an emergency: the reason
-- they gave, and until when it lets them open that one report again. Every opening is also
-- in the audit trail with the reason.
CREATE TABLE care_report_break_glass (
    id          uuid PRIMARY KEY,
    report_id   uuid NOT NULL REFERENCES care_report (id),
    actor       text NOT NULL,
    reason      text NOT NULL,
    granted_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);
CREATE INDEX care_report_break_glass_actor ON care_report_break_glass (report_id, actor, expires_at);
