/**
 * Protection of health information at rest: fields sealed with AES-GCM under keys from
 * configuration, any number of older keys still readable so keys rotate without downtime.
 */
package org.unknot.privacy;
