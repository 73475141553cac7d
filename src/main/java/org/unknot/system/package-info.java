/**
 * What every module stands on: the database (embedded PostgreSQL by default), the clock,
 * and the mapping of domain problems to RFC 9457 answers.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.unknot.system;
