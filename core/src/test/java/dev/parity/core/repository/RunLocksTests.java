package dev.parity.core.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.parity.core.testsupport.MigratedControl;

/**
 * The run lock on both supported control databases (H2 and real PostgreSQL): of many takers at once
 * exactly one holds it; it is bound to the execution, released by its holder's token or execution only,
 * and a job's own binding finds the lock its process took. (Separate processes: {@code ConcurrentLaunchTests}.)
 */
class RunLocksTests {

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
	void ofManyTakersAtOnceExactlyOneHoldsTheLock(String engine) throws Exception {
		control = MigratedControl.of(engine);
		RunLocks locks = new RunLocks(control.dsl());
		int takers = 8;
		ExecutorService pool = Executors.newFixedThreadPool(takers);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Optional<String>>> taken = new ArrayList<>();
			for (int i = 0; i < takers; i++) {
				String job = i % 2 == 0 ? "diffJob" : "reconcileJob";
				String process = "host/boot/" + i + "/1";
				taken.add(pool.submit(() -> {
					go.await();
					return locks.tryTake(job, null, process, "cli", AT);
				}));
			}
			go.countDown();
			List<String> tokens = new ArrayList<>();
			for (Future<Optional<String>> f : taken) {
				f.get().ifPresent(tokens::add);
			}
			assertThat(tokens).hasSize(1);
			assertThat(locks.holder()).get().satisfies((h) -> {
				assertThat(h.token()).isEqualTo(tokens.get(0));
				assertThat(h.executionId()).isNull();
			});
		}
		finally {
			pool.shutdownNow();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void theLockIsBoundToItsExecutionAndReleasedOnlyByItsHolder(String engine) {
		control = MigratedControl.of(engine);
		RunLocks locks = new RunLocks(control.dsl());
		String token = locks.tryTake("diffJob", null, "host/boot/1/1", "cli", AT).orElseThrow();
		assertThat(locks.tryTake("countsJob", null, "host/boot/2/1", "schedule", AT)).isEmpty();

		assertThat(locks.bindOwn(41, "host/boot/2/1")).as("another process's lock").isFalse();
		assertThat(locks.bindOwn(42, "host/boot/1/1")).isTrue();
		assertThat(locks.bindOwn(42, "host/boot/1/1")).as("already bound to it").isTrue();
		assertThat(locks.holder()).get().extracting(RunLocks.Holder::executionId).isEqualTo(42L);
		assertThat(locks.releaseExecution(41)).isFalse();
		assertThat(locks.release("someone else's token")).isFalse();
		assertThat(locks.holder()).isPresent();

		assertThat(locks.releaseExecution(42)).isTrue();
		assertThat(locks.release(token)).as("idempotent").isFalse();
		assertThat(locks.holder()).isEmpty();
		String next = locks.tryTake("reconcileJob", 43L, "host/boot/2/1", "console:olivia", AT).orElseThrow();
		assertThat(locks.holder()).get().satisfies((h) -> {
			assertThat(h.token()).isEqualTo(next);
			assertThat(h.jobName()).isEqualTo("reconcileJob");
			assertThat(h.executionId()).isEqualTo(43L);
			assertThat(h.trigger()).isEqualTo("console:olivia");
			assertThat(h.since()).isEqualTo(AT);
		});
	}

}
