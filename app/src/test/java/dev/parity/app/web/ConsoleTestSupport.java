package dev.parity.app.web;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.parity.core.testsupport.ControlDatabase;

/** What the console's controller tests share: MockMvc on the {@link ConsoleTest} context and a clean control database. */
abstract class ConsoleTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate control;

	@Autowired
	JobRepository jobs;

	/**
	 * Waits until no job launched by an earlier test is running, then empties Parity's own tables and
	 * the audit log (Spring Batch's executions stay).
	 */
	void clearControl() {
		Awaitility.await()
			.atMost(Duration.ofSeconds(90))
			.until(() -> jobs.getJobNames().stream().allMatch((name) -> jobs.findRunningJobExecutions(name).isEmpty()));
		ControlDatabase.clear(control);
	}

}
