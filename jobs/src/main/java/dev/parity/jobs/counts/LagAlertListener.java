package dev.parity.jobs.counts;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import dev.parity.core.lag.ReplicationLag;
import dev.parity.core.run.ParityJobParameters;

/**
 * After {@code countsStep}: posts the replication-lag webhook for each table of the run above the
 * threshold. Outside the chunk transactions, so a slow webhook never holds one open, and only for
 * lag that was committed.
 */
class LagAlertListener implements StepExecutionListener {

	private final ReplicationLag replicationLag;

	LagAlertListener(ReplicationLag replicationLag) {
		this.replicationLag = replicationLag;
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		Object runId = stepExecution.getJobExecution().getExecutionContext().get(ParityJobParameters.RUN_ID);
		if (runId instanceof Long id) {
			replicationLag.alert(id);
		}
		return null;
	}

}
