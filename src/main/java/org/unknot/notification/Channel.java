package org.unknot.notification;

/** How a message reaches the patient. */
public enum Channel {

	EMAIL, SMS

}
