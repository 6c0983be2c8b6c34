package dev.parity.schedules;

import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;

import dev.parity.core.ParityCoreConfiguration;

/**
 * A Parity process with schedules but without the jobs module: two test jobs under the real jobs'
 * bean names, so the launcher finds them by name. {@code countsJob} is quick; {@code diffJob} takes
 * {@link #SLOW} ms, longer than its one-second cron. Each run is recorded in {@link #RUNS}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ ParityCoreConfiguration.class, ScheduleConfiguration.class })
class ScheduleTestApplication {

	static final long SLOW = 2_500;

	/** Every run of a test job, from every context of the JVM. */
	static final Queue<Run> RUNS = new ConcurrentLinkedQueue<>();

	record Run(String job, String launch, String node, Instant started, Instant ended) {
	}

	static List<Run> runs(String job) {
		return RUNS.stream().filter((r) -> r.job().equals(job)).toList();
	}

	@Bean
	Job countsJob(JobRepository repository, PlatformTransactionManager transactions) {
		return job("countsJob", 50, repository, transactions);
	}

	@Bean
	Job diffJob(JobRepository repository, PlatformTransactionManager transactions) {
		return job("diffJob", SLOW, repository, transactions);
	}

	private static Job job(String name, long millis, JobRepository repository, PlatformTransactionManager transactions) {
		return new JobBuilder(name, repository).start(new StepBuilder(name + "Step", repository).tasklet((contribution, chunk) -> {
			Instant started = Instant.now();
			Thread.sleep(millis);
			var parameters = chunk.getStepContext().getJobParameters();
			RUNS.add(new Run(name, String.valueOf(parameters.get("launch")), String.valueOf(parameters.get(ScheduleKeys.NODE)),
					started, Instant.now()));
			return RepeatStatus.FINISHED;
		}, transactions).build()).build();
	}

}
