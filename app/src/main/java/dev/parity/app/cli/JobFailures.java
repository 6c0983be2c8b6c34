package dev.parity.app.cli;

import java.util.List;

import org.springframework.batch.core.job.JobExecution;

/** A job that did not complete becomes the error of its first failure, as one sentence. */
final class JobFailures {

	private JobFailures() {
	}

	static RuntimeException of(JobExecution execution) {
		List<Throwable> failures = execution.getAllFailureExceptions();
		if (failures.isEmpty()) {
			return new UserException(execution.getJobInstance().getJobName() + " ended " + execution.getStatus());
		}
		Throwable first = failures.get(0);
		// a partitioned step fails as "Partition handler returned an unsuccessful step": the database that
		// stopped answering (or could not be reached) in a partition is the sentence that says why
		for (var step : execution.getStepExecutions()) {
			for (Throwable failure : step.getFailureExceptions()) {
				if (Errors.find(failure, dev.parity.core.connect.DatabaseUnavailableException.class) != null) {
					first = failure;
				}
			}
		}
		var stopped = Errors.find(first, dev.parity.core.reconcile.ReconcileStoppedException.class);
		if (stopped != null) {
			return new UserException(stopped.getMessage());
		}
		if (Errors.find(first, dev.parity.core.config.ConfigException.class) != null) {
			return Errors.find(first, dev.parity.core.config.ConfigException.class);
		}
		return new UserException(execution.getJobInstance().getJobName() + " failed (execution "
				+ execution.getId() + ", restartable): " + Errors.message(first));
	}

}
