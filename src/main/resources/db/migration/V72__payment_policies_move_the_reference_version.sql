-- Nodes keep the payment policies in memory with the reference version they were read at, as they keep
-- services and hours (PaymentPolicies): a change of a policy on any node must move that version too.
CREATE TRIGGER payment_policy_bumps_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON payment_policy
    FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
