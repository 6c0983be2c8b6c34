package dev.parity.core.compare;

import java.util.Map;

/**
 * A partition of a table pair's key space in {@link dev.parity.core.canonical.KeyOrder}:
 * {@code lower <= key < upper}; a null bound is open. Bounds are key texts (see
 * {@link ComparePlan#keyText}), so that they survive in a step's execution context.
 */
public record KeyRange(Map<String, String> lower, Map<String, String> upper) {

	public static final KeyRange ALL = new KeyRange(null, null);

}
