package org.unknot.system.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A page form's record: its components are the fields as typed (Strings, bound with
 * {@code @ModelAttribute} through the record's constructor). A page shows
 * {@link #typed()} as its {@code form}, so that what was typed is kept when a change is
 * refused.
 */
public interface PageForm {

	/**
	 * Each text field by name, as typed; fields not sent are left out, so that a page can
	 * show its own values for them.
	 */
	default Map<String, String> typed() {
		Map<String, String> typed = new LinkedHashMap<>();
		for (RecordComponent component : getClass().getRecordComponents()) {
			if (component.getType() == String.class) {
				String value = (String) read(component.getAccessor());
				if (value != null) {
					typed.put(component.getName(), value);
				}
			}
		}
		return typed;
	}

	private Object read(Method accessor) {
		try {
			accessor.setAccessible(true);
			return accessor.invoke(this);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("A page form's fields are its record components", ex);
		}
	}

}
