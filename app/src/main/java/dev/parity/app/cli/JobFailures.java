package dev.parity.app.cli;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import dev.parity.core.config.ConfigException;
import dev.parity.core.connect.DatabaseUnavailableException;
import dev.parity.core.connect.SourceWriteRejectedException;
import dev.parity.core.reconcile.ReconcileStoppedException;

/**
 * A job that did not complete becomes the error of its most telling failure, as one sentence: a failure
 * that names its database or configuration path first, then a step's own failure before a partitioned
 * step's summary ("Partition handler returned an unsuccessful step" names nothing).
 */
final class JobFailures {

	private JobFailures() {
	}

	static RuntimeException of(JobExecution execution) {
		List<Throwable> failures = failures(execution);
		if (failures.isEmpty()) {
			return new UserException(execution.getJobInstance().getJobName() + " ended " + execution.getStatus());
		}
		for (Throwable failure : failures) {
			ReconcileStoppedException stopped = Errors.find(failure, ReconcileStoppedException.class);
			if (stopped != null) {
				return new UserException(stopped.getMessage());
			}
			ConfigException config = Errors.find(failure, ConfigException.class);
			if (config != null) {
				return config;
			}
		}
		Throwable telling = failures.stream()
			.filter((f) -> Errors.find(f, DatabaseUnavailableException.class) != null
					|| Errors.find(f, SourceWriteRejectedException.class) != null)
			.findFirst()
			.orElseGet(() -> failures.stream().filter((f) -> !summary(f)).findFirst().orElse(failures.get(0)));
		return new UserException(execution.getJobInstance().getJobName() + " failed (execution " + execution.getId()
				+ ", restartable): " + Errors.message(telling));
	}

	/** The steps' failures (partitions included), then the job's own. */
	private static List<Throwable> failures(JobExecution execution) {
		List<Throwable> failures = new ArrayList<>();
		for (StepExecution step : execution.getStepExecutions()) {
			failures.addAll(step.getFailureExceptions());
		}
		failures.addAll(execution.getFailureExceptions());
		return failures;
	}

	private static boolean summary(Throwable failure) {
		return String.valueOf(failure.getMessage()).startsWith("Partition handler returned an unsuccessful step");
	}

}
