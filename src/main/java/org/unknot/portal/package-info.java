/**
 * The patient portal: a signed-in patient's upcoming and past visits, moving and
 * cancelling them, their contact details, a download of everything held about them, and a
 * request to close the account.
 */
package org.unknot.portal;
