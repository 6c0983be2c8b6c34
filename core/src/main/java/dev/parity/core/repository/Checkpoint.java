package dev.parity.core.repository;

import java.time.Instant;

/**
 * A numbered checkpoint: the partition manifest one checksum run stored.
 *
 * @param number 1, 2, 3, … in the order runs started
 * @param runId the Parity run ({@code parity_run}) of the checksum job instance that wrote it
 * @param jobExecutionId the latest Spring Batch job execution that wrote to it (a restart continues it)
 * @param status {@code RUNNING} until the run's last step, then {@code COMPLETE}
 */
public record Checkpoint(long number, long runId, Long jobExecutionId, String status, Instant createdAt,
		Instant completedAt) {

	public boolean complete() {
		return "COMPLETE".equals(status);
	}

}
