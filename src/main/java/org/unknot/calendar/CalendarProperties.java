package org.unknot.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param network the name patients know the practice by (the video visit title and the
 * organizer)
 * @param organizerEmail the address that organizes every visit; replies to invitations go
 * there
 */
@ConfigurationProperties("unknot.calendar")
public record CalendarProperties(@DefaultValue("Unknot") String network,
		@DefaultValue("appointments@unknot.example") String organizerEmail) {
}
