package dev.parity.app.web;

import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** One sentence for a request parameter or path segment that is not of the type the endpoint takes. */
public final class BadParameters {

	private BadParameters() {
	}

	/** E.g. {@code size must be a whole number, not 'abc'}. */
	public static String sentence(MethodArgumentTypeMismatchException ex) {
		Class<?> type = ex.getRequiredType();
		String expected;
		if (type == null) {
			expected = "a valid value";
		}
		else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			expected = "a whole number";
		}
		else if (type == boolean.class || type == Boolean.class) {
			expected = "true or false";
		}
		else if (type.isEnum()) {
			expected = "one of " + java.util.Arrays.toString(type.getEnumConstants());
		}
		else {
			expected = "a " + type.getSimpleName();
		}
		String value = String.valueOf(ex.getValue());
		if (value.length() > 100) {
			value = value.substring(0, 100) + "…";
		}
		return ex.getName() + " must be " + expected + ", not '" + value + "'";
	}

}
