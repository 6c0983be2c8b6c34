package dev.parity.writers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import dev.parity.core.repository.CheckResultRepository;
import dev.parity.core.repository.CountResult;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.DiscrepancyType;
import dev.parity.core.repository.Finding;
import dev.parity.core.lag.ReplicationLag;

/**
 * Stores count results in the chunk's transaction: the check result row, one {@code COUNT_MISMATCH}
 * per failing table (updated on each run, never duplicated; resolved when a later run passes), and a
 * lag alert when the target trails the source by more than {@code maxLag}; the table's replication lag
 * is recorded with it ({@link ReplicationLag}, for the lag metric and the diff's effective lag window).
 */
public class CountResultItemWriter implements ItemWriter<CountResult> {

	private static final Logger log = LoggerFactory.getLogger(CountResultItemWriter.class);

	private final long runId;

	private final CheckResultRepository results;

	private final DiscrepancyRepository discrepancies;

	private final Duration maxLag;

	private final Clock clock;

	private final ReplicationLag replicationLag;

	public CountResultItemWriter(long runId, CheckResultRepository results, DiscrepancyRepository discrepancies,
			Duration maxLag, Clock clock, ReplicationLag replicationLag) {
		this.replicationLag = replicationLag;
		this.runId = runId;
		this.results = results;
		this.discrepancies = discrepancies;
		this.maxLag = maxLag;
		this.clock = clock;
	}

	@Override
	public void write(Chunk<? extends CountResult> chunk) {
		Instant now = clock.instant();
		for (CountResult result : chunk) {
			results.saveCounts(runId, result, now);
			replicationLag.record(runId, result.table(), result.sourceNewest(), result.targetNewest(), now);
			if (result.passed()) {
				discrepancies.resolveUnseen(result.table(), List.of(DiscrepancyType.COUNT_MISMATCH), runId,
						"countsJob", now);
			}
			else {
				discrepancies.record(runId, Finding.ofTable(result.table(), DiscrepancyType.COUNT_MISMATCH,
						String.valueOf(result.sourceCount()), String.valueOf(result.targetCount()), result.critical()),
						now);
			}
			if (result.lag().compareTo(maxLag) > 0) {
				results.saveLagAlert(runId, result, maxLag.toSeconds(), now);
				log.warn("LAG ALERT {}: target trails the source by {} (newest source {}, newest target {}; max-lag {})",
						result.table(), human(result.lag()), result.sourceNewest(), result.targetNewest(), human(maxLag));
			}
			log.info("counts {}: source {} target {} in flight {}/{} variance {} ({})", result.table(),
					result.sourceCount(), result.targetCount(), result.sourceInFlight(), result.targetInFlight(),
					String.format(Locale.ROOT, "%.4f%%", result.variance() * 100), result.passed() ? "pass" : "FAIL");
		}
	}

	static String human(Duration duration) {
		return duration.toString().substring(2).toLowerCase(Locale.ROOT);
	}

}
