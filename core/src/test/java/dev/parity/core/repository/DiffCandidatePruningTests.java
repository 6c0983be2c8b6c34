package dev.parity.core.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.parity.core.testsupport.MigratedControl;

/**
 * Diff candidates are pruned once their run has completed (its statistics are stored, it cannot be
 * restarted), on both supported control databases (H2 and real PostgreSQL); those of a failed, stopped
 * or running run stay, because its restart still confirms and counts them.
 */
class DiffCandidatePruningTests {

	private static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

	private MigratedControl control;

	@AfterEach
	void close() {
		if (control != null) {
			control.close();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void completedRunsLoseTheirCandidatesOthersKeepThem(String engine) {
		control = MigratedControl.of(engine);
		RunRepository runs = new RunRepository(control.dsl());
		DiffRepository diffs = new DiffRepository(control.dsl());
		long completed = runs.startOrResume("diffJob", 1, "test", null, AT);
		long olderCompleted = runs.startOrResume("checksumJob", 2, "test", null, AT);
		long failed = runs.startOrResume("diffJob", 3, "test", null, AT);
		long running = runs.startOrResume("diffJob", 4, "test", null, AT);
		for (long run : List.of(completed, olderCompleted, failed, running)) {
			diffs.addCandidates(run, IntStream.rangeClosed(1, 25)
				.mapToObj((i) -> new DiffRepository.NewCandidate("items", Map.of("id", String.valueOf(i)), "DIFFERENT"))
				.toList());
		}
		runs.finish(completed, "COMPLETED", AT);
		runs.finish(olderCompleted, "COMPLETED", AT);
		runs.finish(failed, "FAILED", AT);

		int pruned = diffs.pruneCandidates();

		assertThat(pruned).isEqualTo(50);
		assertThat(diffs.candidates(completed, 0, 100)).isEmpty();
		assertThat(diffs.candidates(olderCompleted, 0, 100)).isEmpty();
		assertThat(diffs.candidates(failed, 0, 100)).as("a failed run's restart still confirms them").hasSize(25);
		assertThat(diffs.candidates(running, 0, 100)).hasSize(25);
		assertThat(diffs.pruneCandidates()).as("nothing left to prune").isZero();
	}

}
