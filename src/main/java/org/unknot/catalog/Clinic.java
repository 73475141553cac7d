package org.unknot.catalog;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;

/** A place patients come to, in its own time zone. */
public record Clinic(String id, String name, ZoneId zone, Address address, String phone, BigDecimal latitude,
		BigDecimal longitude, List<Room> rooms) {

	public Clinic {
		rooms = List.copyOf(rooms);
	}

	public List<Room> roomsOf(RoomKind kind) {
		return rooms.stream().filter(room -> room.kind() == kind).toList();
	}

	public record Address(String street, String city, String state, String postalCode) {
	}
}
