package dev.parity.jobs;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import dev.parity.core.config.ConnectionSettings;
import dev.parity.core.run.ParityJobParameters;

/** What every job test needs: an embedded control database of its own, and fresh launch parameters. */
public final class JobTestSupport {

	private JobTestSupport() {
	}

	/** A private in-memory H2 control database (the embedded default; never a stand-in for a source or target). */
	public static ConnectionSettings control(String name) {
		return new ConnectionSettings("jdbc:h2:mem:" + name + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
	}

	/** Parameters of a new job instance over every table pair, started by {@code trigger}. */
	public static JobParametersBuilder launch(String trigger) {
		return new JobParametersBuilder().addString(ParityJobParameters.TABLES, "")
			.addString(ParityJobParameters.TRIGGER, trigger, false)
			.addString(ParityJobParameters.LAUNCH, String.valueOf(System.nanoTime()));
	}

	public static JobParameters launch() {
		return launch("test").toJobParameters();
	}

}
