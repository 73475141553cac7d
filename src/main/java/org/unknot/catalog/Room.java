package org.unknot.catalog;

public record Room(String id, String clinicId, String name, RoomKind kind) {
}
