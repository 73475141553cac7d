/**
 * Backups of the whole database that need nothing but Unknot itself (the embedded server
 * ships without {@code pg_dump}): one consistent snapshot of every table and sequence in
 * a zip file, and a restore of it into an empty database of the same schema version,
 * checked against this node's keys before it is committed.
 */
package org.unknot.backup;
