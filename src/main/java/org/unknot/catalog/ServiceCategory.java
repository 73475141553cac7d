package org.unknot.catalog;

/** The broad kinds of care; a prerequisite names one of them. */
public enum ServiceCategory {

	MASSAGE, CONSULTATION, PROCEDURE, PHYSICAL_THERAPY, COUNSELLING

}
