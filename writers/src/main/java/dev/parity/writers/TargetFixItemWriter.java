package dev.parity.writers;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.parity.core.reconcile.FixCheckpoint;
import dev.parity.core.reconcile.FixExecutor;
import dev.parity.core.reconcile.ReconcileDecision;
import dev.parity.core.reconcile.ReconcileDecision.Outcome;
import dev.parity.core.reconcile.ReconcileTimings;
import dev.parity.core.reconcile.ReconcileTimings.Phase;
import dev.parity.core.reconcile.Throttle;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.DiscrepancyStatus;
import dev.parity.core.repository.FixEntry;
import dev.parity.core.repository.FixJournal;
import dev.parity.core.repository.FixStatus;
import dev.parity.core.repository.SchemaRepository;

/**
 * Applies a chunk of reconcile decisions to the target, audited, in an order that survives a crash at
 * any point:
 * <ol>
 * <li>control transaction: the chunk's changes recorded as one intent document (key, rows before, rows
 * expected after), the decisions that change nothing journalled; self-healed discrepancies marked,
 * paused tables paused;</li>
 * <li>target transaction: all changes as prepared batches (on a failure: rolled back, then one
 * transaction per fix so that only the bad ones fail);</li>
 * <li>control transaction: the intent document replaced by the changes' journal rows, applied ones
 * {@code CONFIRMED} with one audit row each and their discrepancies {@code RESOLVED}, refused ones
 * {@code FAILED} with the target's reason and SQL.</li>
 * </ol>
 * Step 3 runs on a thread of its own while the next chunk is read, re-read on both sides, journalled
 * and applied (at most one chunk's confirmation outstanding: the next waits for it before its own
 * step 3, and the step waits for the last through {@link #awaitConfirmation}; a failed confirmation
 * fails the step). A crash after 1 leaves intents that the next run settles by re-reading the target (see
 * {@code FixJournal}). With a dry-run file it changes nothing: the SQL each fix would run is written
 * to the file and the decisions are journalled as {@code DRY_RUN}.
 */
public class TargetFixItemWriter implements ItemStreamWriter<List<ReconcileDecision>> {

	private static final Logger log = LoggerFactory.getLogger(TargetFixItemWriter.class);

	private final long runId;

	private final String trigger;

	private final FixJournal journal;

	private final DiscrepancyRepository discrepancies;

	private final SchemaRepository schemas;

	private final FixExecutor executor;

	private final TransactionTemplate control;

	private final Throttle throttle;

	private final FixCheckpoint checkpoint;

	private final Clock clock;

	private final Path dryRunSql;

	private final ReconcileTimings timings;

	private BufferedWriter sqlOut;

	private ExecutorService confirmer;

	/** The previous chunk's confirmation (step 3), running while this chunk is prepared; or null. */
	private Future<Long> confirming;

	/**
	 * @param dryRunSql where a dry run writes its SQL; null for a real run
	 */
	public TargetFixItemWriter(long runId, String trigger, FixJournal journal, DiscrepancyRepository discrepancies,
			SchemaRepository schemas, FixExecutor executor, PlatformTransactionManager controlTransactions,
			Throttle throttle, FixCheckpoint checkpoint, Clock clock, Path dryRunSql, ReconcileTimings timings) {
		this.runId = runId;
		this.trigger = trigger;
		this.journal = journal;
		this.discrepancies = discrepancies;
		this.schemas = schemas;
		this.executor = executor;
		this.control = new TransactionTemplate(controlTransactions);
		this.control.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.throttle = throttle;
		this.checkpoint = checkpoint;
		this.clock = clock;
		this.dryRunSql = dryRunSql;
		this.timings = timings;
	}

	@Override
	public void open(ExecutionContext context) {
		if (dryRunSql != null) {
			try {
				if (dryRunSql.toAbsolutePath().getParent() != null) {
					Files.createDirectories(dryRunSql.toAbsolutePath().getParent());
				}
				sqlOut = Files.newBufferedWriter(dryRunSql, StandardCharsets.UTF_8);
				sqlOut.write("-- Parity reconcile dry run (run " + runId + "): the SQL it would run on the target,"
						+ " one transaction per chunk. Nothing was changed.\n");
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot write the dry-run SQL to " + dryRunSql + ": " + ex.getMessage(), ex);
			}
		}
	}

	@Override
	public void close() {
		if (confirmer != null) {
			// After a failure elsewhere, let an outstanding confirmation finish rather than interrupt its
			// transaction; if it fails too, its intents are settled by the next run's recovery step.
			try {
				awaitConfirmation();
			}
			catch (RuntimeException ex) {
				log.warn("reconcile: a chunk's confirmation failed while the step was closing ({}); the next run"
						+ " settles its intents", ex.getMessage());
			}
			confirmer.shutdown();
			confirmer = null;
		}
		if (sqlOut != null) {
			try {
				sqlOut.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			sqlOut = null;
		}
	}

	@Override
	public void write(Chunk<? extends List<ReconcileDecision>> chunk) throws IOException {
		List<ReconcileDecision> decisions = new ArrayList<>();
		chunk.forEach(decisions::addAll);
		if (decisions.isEmpty()) {
			return;
		}
		String chunkRef = runId + ":" + UUID.randomUUID();
		Instant now = clock.instant();
		List<FixEntry> entries = new ArrayList<>();
		List<Integer> positions = new ArrayList<>();
		for (int i = 0; i < decisions.size(); i++) {
			ReconcileDecision d = decisions.get(i);
			// Rendering every fix with inlined values costs more than applying it: the SQL text is kept for
			// dry runs and, below, for fixes the target refused.
			String sql = d.outcome() == Outcome.FIX && sqlOut != null ? executor.sql(d.statements()) : null;
			entries.add(new FixEntry(d.table(), d.key(), d.discrepancyIds(), d.action().name(), d.rule(), status(d),
					d.before(), d.after(), sql, d.reason()));
			if (d.outcome() == Outcome.FIX) {
				positions.add(i);
				if (sqlOut != null) {
					sqlOut.write("-- " + d.table() + " " + d.key() + ": " + d.rule() + "\n" + sql);
				}
			}
		}
		if (sqlOut != null) {
			sqlOut.flush();
			control.executeWithoutResult((tx) -> journal.begin(runId, chunkRef, entries, trigger, now));
			return;
		}
		// 1. intents first
		long started = System.nanoTime();
		control.executeWithoutResult((tx) -> {
			journal.begin(runId, chunkRef, entries, trigger, now);
			List<Long> healed = decisions.stream()
				.filter((d) -> d.outcome() == Outcome.SELF_HEALED)
				.flatMap((d) -> d.discrepancyIds().stream())
				.toList();
			discrepancies.setStatus(healed, DiscrepancyStatus.SELF_HEALED, trigger,
					"both sides agreed on re-read by reconcile run " + runId, now);
			decisions.stream()
				.filter((d) -> d.outcome() == Outcome.PAUSE && d.rule() != null)
				.forEach((d) -> schemas.pause(d.table(), "reconcile rule " + d.rule() + " (run " + runId + ")", now));
		});
		timings.add(Phase.INTENT, started);
		checkpoint.reached(FixCheckpoint.Stage.INTENT_RECORDED);
		if (positions.isEmpty()) {
			return;
		}
		// 2. the target
		List<ReconcileDecision> fixes = positions.stream().map(decisions::get).toList();
		throttle.acquire(fixes.stream().mapToInt((d) -> d.statements().size()).sum());
		long applying = System.nanoTime();
		List<String> failures = executor.apply(fixes);
		timings.add(Phase.APPLY, applying);
		checkpoint.reached(FixCheckpoint.Stage.TARGET_COMMITTED);
		// 3. confirmations and audit, while the next chunk is prepared
		List<String> reasons = failures;
		long waiting = System.nanoTime();
		awaitConfirmation();
		timings.add(Phase.WAIT, waiting);
		if (confirmer == null) {
			confirmer = Executors.newSingleThreadExecutor((task) -> {
				Thread thread = new Thread(task, "parity-reconcile-confirm");
				thread.setDaemon(true);
				return thread;
			});
		}
		confirming = confirmer.submit(() -> confirm(chunkRef, decisions, entries, positions, reasons));
	}

	// Returns its time in nanoseconds, for the step's timings (a step-scoped bean this thread cannot reach).
	private long confirm(String chunkRef, List<ReconcileDecision> decisions, List<FixEntry> entries,
			List<Integer> positions, List<String> reasons) {
		long started = System.nanoTime();
		Instant done = clock.instant();
		control.executeWithoutResult((tx) -> {
			List<Long> resolved = new ArrayList<>();
			Map<Integer, FixJournal.Failure> failures = new HashMap<>();
			for (int j = 0; j < positions.size(); j++) {
				ReconcileDecision d = decisions.get(positions.get(j));
				if (reasons.get(j) == null) {
					resolved.addAll(d.discrepancyIds());
				}
				else {
					failures.put(positions.get(j), new FixJournal.Failure(reasons.get(j), executor.sql(d.statements())));
					discrepancies.setStatus(d.discrepancyIds(), DiscrepancyStatus.FAILED, trigger,
							"reconcile run " + runId + " could not repair it: " + reasons.get(j), done);
				}
			}
			journal.confirm(runId, chunkRef, entries, failures, trigger, done);
			discrepancies.setStatus(resolved, DiscrepancyStatus.RESOLVED, trigger, "repaired by reconcile run " + runId,
					done);
		});
		checkpoint.reached(FixCheckpoint.Stage.CONFIRMED);
		return System.nanoTime() - started;
	}

	/**
	 * Waits for the outstanding confirmation, if any. The step calls it after its last chunk (its
	 * listener); a chunk calls it before its own confirmation.
	 * @throws RuntimeException the confirmation's failure, which fails the step
	 */
	public void awaitConfirmation() {
		Future<Long> pending = confirming;
		confirming = null;
		if (pending == null) {
			return;
		}
		try {
			timings.addNanos(Phase.CONFIRM, pending.get());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while confirming reconcile fixes", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	private FixStatus status(ReconcileDecision d) {
		return switch (d.outcome()) {
			case FIX -> sqlOut != null ? FixStatus.DRY_RUN : FixStatus.INTENT;
			case SELF_HEALED -> FixStatus.SELF_HEALED;
			case IN_FLIGHT -> FixStatus.IN_FLIGHT;
			case REPORT_ONLY -> FixStatus.REPORT_ONLY;
			case PAUSE -> FixStatus.PAUSED;
		};
	}

}
