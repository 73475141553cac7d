/**
 * Who gives care: practitioners, their licences, the services they offer, their hours and
 * time off.
 */
package org.unknot.practitioner;
