package org.unknot.catalog;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;

/**
 * A place patients come to, in its own time zone.
 *
 * @param taxId the employer identification number its claims name (NN-NNNNNNN), or null
 */
public record Clinic(String id, String name, ZoneId zone, Address address, String phone, String taxId,
		BigDecimal latitude, BigDecimal longitude, List<Room> rooms) {

	public Clinic {
		rooms = List.copyOf(rooms);
	}

	public List<Room> roomsOf(RoomKind kind) {
		return rooms.stream().filter(room -> room.kind() == kind).toList();
	}

	public record Address(String street, String city, String state, String postalCode) {
	}
}
