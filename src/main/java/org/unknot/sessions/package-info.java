/**
 * Session records: what a practitioner notes of a visit (sealed at rest) and the pain
 * scores before and after it, which patients see as their progress.
 */
package org.unknot.sessions;
