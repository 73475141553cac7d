-- Insurance plans the network accepts, what each covers, and what a patient chose and told us when
-- booking. What the patient gave (member id, health intake, a booking in progress) is sealed with
-- AES-GCM by org.unknot.privacy.FieldCipher (values "uk1:<key>:..."), bound to its row; only
-- InsuranceChoices, Intakes and the website's Drafts read or write those columns.

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

-- member_id is sealed. plan_id NULL means the patient pays themselves.
CREATE TABLE appointment_insurance (
    appointment_id  uuid PRIMARY KEY REFERENCES appointment (id),
    plan_id         text REFERENCES insurance_plan (id),
    member_id       text,
    covered         boolean NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((plan_id IS NULL) = (member_id IS NULL)),
    CHECK (plan_id IS NOT NULL OR NOT covered)
);

-- answers is sealed: the intake as JSON (regions, intensity, duration, causes, red flags, triage and
-- whether the patient acknowledged the advice to see a physician).
CREATE TABLE appointment_intake (
    appointment_id  uuid PRIMARY KEY REFERENCES appointment (id),
    answers         text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);

-- A booking in progress on the website, keyed by an unguessable id so that back, refresh and a second
-- tab all work without a session. data is sealed (details and intake answers); swept after two days.
CREATE TABLE booking_draft (
    id          text PRIMARY KEY,
    data        text NOT NULL,
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
