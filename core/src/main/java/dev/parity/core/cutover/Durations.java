package dev.parity.core.cutover;

import java.time.Duration;

/** Durations as parity.yml writes them. */
public final class Durations {

	private Durations() {
	}

	/** {@code 2m}, {@code 90s}, {@code 1h}, {@code 1h30m}, {@code 0s}, {@code 250ms}. */
	public static String text(Duration duration) {
		if (duration.toMillisPart() != 0) {
			return duration.toMillis() + "ms";
		}
		long seconds = duration.toSeconds();
		if (seconds == 0) {
			return "0s";
		}
		StringBuilder text = new StringBuilder();
		if (seconds >= 86400 && seconds % 86400 == 0) {
			return seconds / 86400 + "d";
		}
		if (seconds >= 3600) {
			text.append(seconds / 3600).append('h');
			seconds %= 3600;
		}
		if (seconds >= 60) {
			text.append(seconds / 60).append('m');
			seconds %= 60;
		}
		if (seconds > 0) {
			text.append(seconds).append('s');
		}
		return text.toString();
	}

}
