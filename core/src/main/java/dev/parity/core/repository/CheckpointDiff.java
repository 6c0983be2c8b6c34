package dev.parity.core.repository;

import java.util.List;
import java.util.Map;

import dev.parity.core.compare.SideChecksum;

/**
 * What changed between two checkpoints. Chunk bounds may differ between runs (chunks adapt to the
 * databases' speed), so both manifests are cut at the bounds they share and each region's sums are
 * compared (sums add up): a region is as fine as the two runs' common bounds allow.
 *
 * @param regions regions compared over all tables in both checkpoints
 * @param changed regions whose count or hash changed on either side, in table and key order
 * @param onlyIn tables present in only one of the two checkpoints, with its number
 */
public record CheckpointDiff(Checkpoint from, Checkpoint to, int regions, List<Change> changed,
		Map<String, Long> onlyIn) {

	/** A region of one table whose sums changed on the source, the target, or both. */
	public record Change(String table, Map<String, String> lower, Map<String, String> upper, SideChecksum sourceBefore,
			SideChecksum sourceAfter, SideChecksum targetBefore, SideChecksum targetAfter) {

		public boolean sourceChanged() {
			return !sourceBefore.equals(sourceAfter);
		}

		public boolean targetChanged() {
			return !targetBefore.equals(targetAfter);
		}

	}

}
