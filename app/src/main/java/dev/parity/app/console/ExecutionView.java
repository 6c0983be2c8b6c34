package dev.parity.app.console;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import dev.parity.core.run.ParityJobParameters;

/**
 * One job execution as the console and the API show it: status, times, who started it, the step and
 * partition progress, and a failure as one sentence with the stack trace kept apart.
 *
 * @param job the job's short name ({@code diff})
 * @param trigger who started it: {@code cli}, {@code schedule}, {@code console:alice}
 * @param tables the selected table pairs, empty for all
 * @param restartable FAILED or STOPPED: {@code restart} continues it
 * @param error the failure as one sentence, or null
 * @param errorDetail the stack trace behind it, or null
 */
public record ExecutionView(long id, String job, String status, String exitCode, String trigger, String tables,
		boolean dryRun, Instant started, Instant ended, String duration, boolean running, boolean restartable,
		String error, String errorDetail, List<StepView> steps) {

	/**
	 * One step execution; a partition of a partitioned step has {@code partition} true and a name
	 * {@code step:partitionN}.
	 *
	 * @param rate items read per second, as text ({@code 1,234/s}), or "-"
	 */
	public record StepView(String name, boolean partition, String status, long read, long written, long skipped,
			long filtered, long commits, Instant started, Instant ended, String duration, String rate, String error,
			String errorDetail) {
	}

	/** Items read by the job's own steps (a partitioned step's manager counts its partitions already). */
	public long rowsRead() {
		return steps.stream().filter((s) -> !s.partition()).mapToLong(StepView::read).sum();
	}

	static ExecutionView of(JobExecution e, ZoneId zone) {
		List<StepView> steps = new ArrayList<>();
		e.getStepExecutions()
			.stream()
			.sorted(Comparator.comparing(StepExecution::getId))
			.forEach((s) -> steps.add(step(s, zone)));
		String[] failure = failure(e.getExitStatus());
		String shortName = e.getJobInstance().getJobName().replaceFirst("Job$", "");
		return new ExecutionView(e.getId(), shortName, e.getStatus().name(), e.getExitStatus().getExitCode(),
				e.getJobParameters().getString(ParityJobParameters.TRIGGER, "unknown"),
				e.getJobParameters().getString(ParityJobParameters.TABLES, ""),
				"true".equals(e.getJobParameters().getString(ParityJobParameters.DRY_RUN)), instant(e.getStartTime(), zone),
				instant(e.getEndTime(), zone), duration(e.getStartTime(), e.getEndTime()), e.isRunning(),
				e.getStatus() == BatchStatus.FAILED || e.getStatus() == BatchStatus.STOPPED, failure[0], failure[1], steps);
	}

	private static StepView step(StepExecution s, ZoneId zone) {
		String[] failure = failure(s.getExitStatus());
		return new StepView(s.getStepName(), s.getStepName().contains(":"), s.getStatus().name(), s.getReadCount(),
				s.getWriteCount(), s.getSkipCount(), s.getFilterCount(), s.getCommitCount(), instant(s.getStartTime(), zone),
				instant(s.getEndTime(), zone), duration(s.getStartTime(), s.getEndTime()),
				rate(s.getReadCount(), s.getStartTime(), s.getEndTime()), failure[0], failure[1]);
	}

	/**
	 * A failed step's exit description holds the stack trace; its first line, without the exception's
	 * class name, is the sentence a person reads ({@code the table customers is paused}).
	 */
	static String[] failure(ExitStatus exit) {
		String description = exit.getExitDescription();
		if (!ExitStatus.FAILED.getExitCode().equals(exit.getExitCode()) || description == null || description.isBlank()) {
			return new String[] { null, null };
		}
		String first = description.strip().lines().findFirst().orElse("");
		String sentence = first.replaceFirst("^([\\w$]+\\.)+[\\w$]+(Exception|Error)(: )?", "").strip();
		if (sentence.isEmpty()) {
			sentence = first;
		}
		return new String[] { sentence, description.strip() };
	}

	static Instant instant(LocalDateTime time, ZoneId zone) {
		return time == null ? null : time.atZone(zone).toInstant();
	}

	static String duration(LocalDateTime start, LocalDateTime end) {
		if (start == null) {
			return "-";
		}
		Duration d = Duration.between(start, end == null ? LocalDateTime.now() : end);
		long seconds = d.toSeconds();
		return seconds < 60 ? String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0)
				: String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
	}

	static String rate(long items, LocalDateTime start, LocalDateTime end) {
		if (start == null || items == 0) {
			return "-";
		}
		double seconds = Duration.between(start, end == null ? LocalDateTime.now() : end).toMillis() / 1000.0;
		return seconds <= 0 ? "-" : String.format(Locale.ROOT, "%,.0f/s", items / seconds);
	}

}
