package dev.parity.core.config;

import java.util.List;

/**
 * One traffic phase of {@code parity.cutover.phases}.
 *
 * @param share the fraction of user traffic the target serves in this phase, 0 to 1
 * @param requires the exit criteria ({@code critical-defects}, {@code count-variance},
 *     {@code match-rate}, {@code response-time}) that must pass to advance into this phase
 */
public record PhaseSettings(Double share, List<String> requires) {

	static PhaseSettings orDefault(PhaseSettings given, double share, List<String> requires) {
		if (given == null) {
			return new PhaseSettings(share, requires);
		}
		return new PhaseSettings(given.share() == null ? share : given.share(),
				given.requires() == null ? requires : List.copyOf(given.requires()));
	}

}
