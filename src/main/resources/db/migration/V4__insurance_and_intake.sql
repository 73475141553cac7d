-- Insurance plans the network accepts, what each covers, and what a patient chose and told us when
-- booking. The patient-given columns (member id, health intake) live only in appointment_insurance
-- and appointment_intake, read and written only by InsuranceChoices and Intakes, so that encrypting
-- them at rest (issue 4) touches two tables and two classes.

CREATE TABLE insurance_plan (
    id          text PRIMARY KEY,
    name        text NOT NULL,
    payer_kind  text NOT NULL CHECK (payer_kind IN ('MEDICARE', 'MEDICARE_ADVANTAGE', 'MEDICAID', 'COMMERCIAL',
                                                    'AUTO_NO_FAULT', 'WORKERS_COMP')),
    member_id_label  text NOT NULL DEFAULT 'Member ID',
    member_id_pattern text NOT NULL DEFAULT '[A-Za-z0-9-]{4,20}',
    accepted    boolean NOT NULL DEFAULT true
);

-- A rule names a service or a whole category (not both). A service rule beats a category rule.
CREATE TABLE insurance_coverage (
    id          bigserial PRIMARY KEY,
    plan_id     text NOT NULL REFERENCES insurance_plan (id),
    category    text CHECK (category IN ('MASSAGE', 'CONSULTATION', 'PROCEDURE', 'PHYSICAL_THERAPY', 'COUNSELLING')),
    service_id  text REFERENCES care_service (id),
    covered     boolean NOT NULL,
    reason      text NOT NULL,
    CHECK ((category IS NULL) <> (service_id IS NULL))
);
CREATE UNIQUE INDEX insurance_coverage_category ON insurance_coverage (plan_id, category) WHERE category IS NOT NULL;
CREATE UNIQUE INDEX insurance_coverage_service ON insurance_coverage (plan_id, service_id) WHERE service_id IS NOT NULL;

-- Sensitive: member id (issue 4 encrypts it). plan_id NULL means the patient pays themselves.
CREATE TABLE appointment_insurance (
    appointment_id  uuid PRIMARY KEY REFERENCES appointment (id),
    plan_id         text REFERENCES insurance_plan (id),
    member_id       text,
    covered         boolean NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((plan_id IS NULL) = (member_id IS NULL)),
    CHECK (plan_id IS NOT NULL OR NOT covered)
);

-- Sensitive: all of it (issue 4 encrypts the answers).
CREATE TABLE appointment_intake (
    appointment_id       uuid PRIMARY KEY REFERENCES appointment (id),
    body_regions         text[] NOT NULL,
    intensity            smallint NOT NULL CHECK (intensity BETWEEN 0 AND 10),
    pain_duration        text NOT NULL,
    causes               text[] NOT NULL,
    red_flags            text[] NOT NULL,
    triage               text NOT NULL CHECK (triage IN ('CLEAR', 'CONSULTATION_ADVISED', 'EMERGENCY')),
    advice_acknowledged  boolean NOT NULL DEFAULT false,
    created_at           timestamptz NOT NULL DEFAULT now()
);

-- A booking in progress on the website, keyed by an unguessable id so that back, refresh and a second
-- tab all work without a session. Sensitive (details and intake answers); swept after two days.
CREATE TABLE booking_draft (
    id          text PRIMARY KEY,
    data        jsonb NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX booking_draft_updated ON booking_draft (updated_at);

-- The accepted plans: reference data of the (fictional) network, not demo data.
INSERT INTO insurance_plan (id, name, payer_kind, member_id_label, member_id_pattern) VALUES
 ('medicare', 'Medicare (Part B)', 'MEDICARE', 'Medicare number (MBI)', '[0-9][A-Za-z][A-Za-z0-9][0-9][A-Za-z][A-Za-z0-9][0-9][A-Za-z]{2}[0-9]{2}'),
 ('garden-state-advantage', 'Garden State Medicare Advantage', 'MEDICARE_ADVANTAGE', 'Member ID', '[A-Za-z0-9-]{4,20}'),
 ('nj-familycare', 'NJ FamilyCare (Medicaid)', 'MEDICAID', 'Member ID', '[A-Za-z0-9-]{4,20}'),
 ('harbor-health-ppo', 'Harbor Health PPO', 'COMMERCIAL', 'Member ID', '[A-Za-z0-9-]{4,20}'),
 ('meridian-choice-hmo', 'Meridian Choice HMO', 'COMMERCIAL', 'Member ID', '[A-Za-z0-9-]{4,20}'),
 ('turnpike-auto', 'Turnpike Mutual auto insurance (PIP)', 'AUTO_NO_FAULT', 'Claim number', '[A-Za-z0-9-]{4,20}'),
 ('workers-comp-nj', 'Workers'' compensation (New Jersey)', 'WORKERS_COMP', 'Claim number', '[A-Za-z0-9-]{4,20}');

INSERT INTO insurance_coverage (plan_id, category, covered, reason) VALUES
 ('medicare', 'CONSULTATION', true, 'Medicare Part B covers visits with a pain physician.'),
 ('medicare', 'PROCEDURE', true, 'Medicare Part B covers pain procedures your physician finds medically necessary.'),
 ('medicare', 'PHYSICAL_THERAPY', true, 'Medicare Part B covers physical therapy under a plan of care.'),
 ('medicare', 'COUNSELLING', true, 'Medicare Part B covers counselling with a psychologist.'),
 ('medicare', 'MASSAGE', false, 'Medicare does not pay for massage by a massage therapist, so this visit is self-pay.'),
 ('garden-state-advantage', 'CONSULTATION', true, 'Your Medicare Advantage plan covers visits with a pain physician.'),
 ('garden-state-advantage', 'PROCEDURE', true, 'Your plan covers pain procedures your physician finds medically necessary.'),
 ('garden-state-advantage', 'PHYSICAL_THERAPY', true, 'Your plan covers physical therapy under a plan of care.'),
 ('garden-state-advantage', 'COUNSELLING', true, 'Your plan covers counselling with a psychologist.'),
 ('garden-state-advantage', 'MASSAGE', false, 'This plan does not pay for massage by a massage therapist, so this visit is self-pay.'),
 ('nj-familycare', 'CONSULTATION', true, 'NJ FamilyCare covers visits with a pain physician.'),
 ('nj-familycare', 'PROCEDURE', true, 'NJ FamilyCare covers pain procedures your physician finds medically necessary.'),
 ('nj-familycare', 'PHYSICAL_THERAPY', true, 'NJ FamilyCare covers physical therapy with a referral.'),
 ('nj-familycare', 'COUNSELLING', true, 'NJ FamilyCare covers counselling with a psychologist.'),
 ('nj-familycare', 'MASSAGE', false, 'NJ FamilyCare does not pay for massage therapy, so this visit is self-pay.'),
 ('harbor-health-ppo', 'CONSULTATION', true, 'Harbor Health PPO covers visits with a pain physician.'),
 ('harbor-health-ppo', 'PROCEDURE', true, 'Harbor Health PPO covers pain procedures after a consultation.'),
 ('harbor-health-ppo', 'PHYSICAL_THERAPY', true, 'Harbor Health PPO covers physical therapy.'),
 ('harbor-health-ppo', 'COUNSELLING', true, 'Harbor Health PPO covers counselling.'),
 ('harbor-health-ppo', 'MASSAGE', true, 'Harbor Health PPO covers therapeutic massage for pain; your usual copay applies.'),
 ('meridian-choice-hmo', 'CONSULTATION', true, 'Meridian Choice HMO covers visits with a pain physician with a referral.'),
 ('meridian-choice-hmo', 'PROCEDURE', true, 'Meridian Choice HMO covers pain procedures with prior approval.'),
 ('meridian-choice-hmo', 'PHYSICAL_THERAPY', true, 'Meridian Choice HMO covers physical therapy with a referral.'),
 ('meridian-choice-hmo', 'COUNSELLING', true, 'Meridian Choice HMO covers counselling.'),
 ('meridian-choice-hmo', 'MASSAGE', false, 'Meridian Choice HMO does not pay for massage, so this visit is self-pay.'),
 ('turnpike-auto', 'CONSULTATION', true, 'Your auto insurance (PIP) covers care for injuries from the accident on your claim.'),
 ('turnpike-auto', 'PROCEDURE', true, 'Your auto insurance (PIP) covers care for injuries from the accident on your claim.'),
 ('turnpike-auto', 'PHYSICAL_THERAPY', true, 'Your auto insurance (PIP) covers care for injuries from the accident on your claim.'),
 ('turnpike-auto', 'MASSAGE', true, 'Your auto insurance (PIP) covers massage for injuries from the accident when your physician prescribes it.'),
 ('turnpike-auto', 'COUNSELLING', false, 'Counselling is not part of this auto insurance claim, so this visit is self-pay.'),
 ('workers-comp-nj', 'CONSULTATION', true, 'Workers'' compensation covers care for the injury on your claim.'),
 ('workers-comp-nj', 'PROCEDURE', true, 'Workers'' compensation covers care for the injury on your claim, with the insurer''s approval.'),
 ('workers-comp-nj', 'PHYSICAL_THERAPY', true, 'Workers'' compensation covers physical therapy for the injury on your claim.'),
 ('workers-comp-nj', 'COUNSELLING', false, 'Counselling is not part of this claim, so this visit is self-pay.'),
 ('workers-comp-nj', 'MASSAGE', false, 'Workers'' compensation does not pay for massage by a massage therapist, so this visit is self-pay.');
