package dev.parity.core.cutover;

/**
 * Takes a checksum checkpoint when the kill switch fires, so that what the target received while it
 * served traffic can be reconciled later. The launch is asynchronous: it returns as soon as the
 * checkpoint run exists, never waiting for it, so the kill switch stays instant. It never throws for
 * a missing checksum job; it says so.
 *
 * <p>Example: {@code launch("kill switch: error-rate")} returns
 * {@code CheckpointLaunch[executionId=42, note="checksumJob execution 42 launched"]}, or without a
 * checksum job {@code CheckpointLaunch[executionId=null, note="checkpoint not taken: checksum job not available"]}.
 */
public interface CheckpointLauncher {

	/** The note when this version of Parity has no checksum job. */
	String NOT_AVAILABLE = "checkpoint not taken: checksum job not available";

	CheckpointLaunch launch(String reason);

	/**
	 * What the launch did.
	 *
	 * @param executionId the launched job execution, null when none was launched
	 * @param note one sentence saying what happened
	 */
	record CheckpointLaunch(Long executionId, String note) {

		public boolean taken() {
			return executionId != null;
		}

	}

}
