/**
 * Superbills: what a self-pay patient sends their insurer to claim for attended visits,
 * with the practitioner's NPI and taxonomy, the clinic's address and tax id, CPT codes in
 * units by the CMS 8-minute rule, modifiers and place of service, ICD-10-CM codes from
 * the assessment, fees and payments; codes only, never the AMA's descriptions.
 */
package org.unknot.billing;
