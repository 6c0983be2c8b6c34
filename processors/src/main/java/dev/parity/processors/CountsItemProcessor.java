package dev.parity.processors;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import dev.parity.core.count.SideCount;
import dev.parity.core.count.TableCounter;
import dev.parity.core.connect.SourceDatabase;
import dev.parity.core.connect.TargetDatabase;
import dev.parity.core.mapping.TablePair;
import dev.parity.core.repository.CountResult;

/**
 * Counts one table pair on both sides at once (two threads) and judges the variance on settled rows:
 * rows updated within the lag window are counted apart as in flight, so replication lag at peak
 * hours is not reported as a defect. "Now" is the source database's clock.
 */
public class CountsItemProcessor implements ItemProcessor<TablePair, CountResult> {

	private final SourceDatabase source;

	private final TargetDatabase target;

	private final Duration lagWindow;

	private final double threshold;

	private final Executor executor;

	public CountsItemProcessor(SourceDatabase source, TargetDatabase target, Duration lagWindow, double threshold,
			Executor executor) {
		this.source = source;
		this.target = target;
		this.lagWindow = lagWindow;
		this.threshold = threshold;
		this.executor = executor;
	}

	@Override
	public CountResult process(TablePair pair) {
		long started = System.nanoTime();
		LocalDateTime cutoff = pair.lagAware() ? TableCounter.now(source).minus(lagWindow) : null;
		CompletableFuture<SideCount> sourceCount = CompletableFuture.supplyAsync(
				() -> TableCounter.count(source, pair.source(), pair.sourceUpdated(), cutoff, pair.sourceZone()), executor);
		CompletableFuture<SideCount> targetCount = CompletableFuture.supplyAsync(
				() -> TableCounter.count(target, pair.target(), pair.targetUpdated(), cutoff, pair.targetZone()), executor);
		SideCount s = join(sourceCount);
		SideCount t = join(targetCount);
		return new CountResult(pair.name(), pair.mapping().critical(), s.settled(), t.settled(), s.inFlight(),
				t.inFlight(), CountResult.variance(s.settled(), t.settled()), threshold, s.newest(), t.newest(),
				Duration.ofNanos(System.nanoTime() - started));
	}

	private static SideCount join(CompletableFuture<SideCount> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
	}

}
