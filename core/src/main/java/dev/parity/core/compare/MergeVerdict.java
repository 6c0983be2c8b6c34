package dev.parity.core.compare;

import java.util.Map;

/**
 * The merge pass's verdict on one key: {@code candidate} is null when equal, else why the key is
 * re-checked by key in the confirmation pass ({@code DIFFERENT}, {@code IN_FLIGHT} or {@code ORDER}).
 */
public record MergeVerdict(String table, Map<String, String> key, String candidate) {

	public boolean equal() {
		return candidate == null;
	}

}
