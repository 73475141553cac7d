package org.unknot.catalog;

public enum RoomKind {

	MASSAGE_ROOM, PROCEDURE_ROOM, GYM, CONSULTING_ROOM

}
