package dev.parity.core.readiness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.TableMapping;
import dev.parity.core.repository.CheckResultRepository;
import dev.parity.core.repository.CheckResultRepository.ResultPoint;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.RunRepository;
import dev.parity.core.repository.SlaRepository;

/**
 * Evaluates the exit criteria of {@code parity.exit-criteria} from the stored results:
 * <ol>
 * <li>no critical defect (an open discrepancy on a critical table, or any open schema conflict) for
 * {@code critical-free-days} consecutive days, counted from the last one closing or from the start of
 * the parallel run;</li>
 * <li>record-count variance within {@code count-variance} at the latest counts run of every table;</li>
 * <li>field match rate at least {@code match-rate} at the latest diff of every table;</li>
 * <li>target p95 response time within {@code parity.sla.response-time} at peak (the largest sample of
 * the window).</li>
 * </ol>
 * "Since" is the start of the current streak: the first result after the last one that failed.
 * {@link #evaluate()} returns them in this order, the order of
 * {@link dev.parity.core.config.CutoverPhases#ALL_CRITERIA} (the keys a cutover phase requires).
 */
public class ExitCriteria {

	private final ParityConfig config;

	private final CheckResultRepository results;

	private final DiscrepancyRepository discrepancies;

	private final RunRepository runs;

	private final SlaRepository sla;

	private final Clock clock;

	public ExitCriteria(ParityConfig config, CheckResultRepository results, DiscrepancyRepository discrepancies,
			RunRepository runs, SlaRepository sla, Clock clock) {
		this.config = config;
		this.results = results;
		this.discrepancies = discrepancies;
		this.runs = runs;
		this.sla = sla;
		this.clock = clock;
	}

	public Readiness evaluate() {
		Instant now = clock.instant();
		return new Readiness(List.of(criticalDefects(now), countVariance(), matchRate(), responseTime(now)), now);
	}

	Criterion criticalDefects(Instant now) {
		int days = config.exitCriteria().criticalFreeDays();
		String name = "critical defects";
		String threshold = "none for " + days + " days";
		int open = discrepancies.countOpenCritical();
		if (open > 0) {
			return new Criterion(name, open + " open", threshold, false, null);
		}
		Optional<Instant> start = runs.firstStart();
		if (start.isEmpty()) {
			return new Criterion(name, "no runs yet", threshold, false, null);
		}
		Instant lastClosed = discrepancies.lastCriticalClosed();
		Instant since = lastClosed != null && lastClosed.isAfter(start.get()) ? lastClosed : start.get();
		long free = Duration.between(since, now).toDays();
		return new Criterion(name, "none open; " + free + (free == 1 ? " day" : " days") + " without", threshold,
				free >= days, free >= days ? since : null);
	}

	Criterion countVariance() {
		double bar = config.exitCriteria().countVariance();
		return latestPerTable("record-count variance (every table)", "COUNTS", "<= " + percent(bar),
				(p) -> p.variance() != null && p.variance() <= bar,
				(latest) -> {
					ResultPoint worst = latest.values().stream().max(java.util.Comparator.comparing(ResultPoint::variance)).orElseThrow();
					return percent(worst.variance()) + " max (" + worst.table() + ")";
				});
	}

	Criterion matchRate() {
		double bar = config.exitCriteria().matchRate();
		return latestPerTable("field match rate (every table)", "DIFF", ">= " + percent(bar),
				(p) -> p.matchRate() != null && p.matchRate() >= bar,
				(latest) -> {
					ResultPoint worst = latest.values().stream().min(java.util.Comparator.comparing(ResultPoint::matchRate)).orElseThrow();
					return percent(worst.matchRate()) + " min (" + worst.table() + ")";
				});
	}

	private Criterion latestPerTable(String name, String checkType, String threshold, Predicate<ResultPoint> passes,
			java.util.function.Function<Map<String, ResultPoint>, String> measure) {
		List<ResultPoint> history = results.history(checkType).stream()
			.filter((p) -> config.tables().stream().anyMatch((t) -> t.name().equals(p.table())))
			.toList();
		Map<String, ResultPoint> latest = new LinkedHashMap<>();
		history.forEach((p) -> latest.put(p.table(), p));
		List<String> missing = config.tables().stream().map(TableMapping::name).filter((t) -> !latest.containsKey(t)).toList();
		if (!missing.isEmpty()) {
			String what = checkType.equals("DIFF") ? "diff" : "counts";
			return new Criterion(name, "no " + what + " result for " + String.join(", ", missing), threshold, false, null);
		}
		boolean passed = latest.values().stream().allMatch(passes);
		return new Criterion(name, measure.apply(latest), threshold, passed, passed ? streakStart(history, passes) : null);
	}

	Criterion responseTime(Instant now) {
		String name = "target response time at peak (p95)";
		Duration objective = config.sla().responseTime();
		if (objective == null) {
			return new Criterion(name, "no SLA configured (parity.sla.response-time)", "-", false, null);
		}
		String threshold = "<= " + objective.toMillis() + " ms";
		List<SlaRepository.Sample> samples = sla.since(now.minus(config.sla().window()));
		if (samples.isEmpty()) {
			return new Criterion(name, "no samples in the last " + config.sla().window().toDays()
					+ " days (./parity sla record P95)", threshold, false, null);
		}
		SlaRepository.Sample peak = samples.stream().max(java.util.Comparator.comparingLong(SlaRepository.Sample::p95Millis)).orElseThrow();
		boolean passed = peak.p95Millis() <= objective.toMillis();
		Instant since = null;
		if (passed) {
			since = samples.get(0).measuredAt();
		}
		return new Criterion(name, peak.p95Millis() + " ms peak of " + samples.size() + " samples", threshold, passed,
				since);
	}

	// The first result after the latest failing one (results of one run share their time).
	private static Instant streakStart(List<ResultPoint> history, Predicate<ResultPoint> passes) {
		Instant lastFailure = history.stream()
			.filter(passes.negate())
			.map(ResultPoint::checkedAt)
			.max(Instant::compareTo)
			.orElse(null);
		return history.stream()
			.map(ResultPoint::checkedAt)
			.filter((at) -> lastFailure == null || at.isAfter(lastFailure))
			.min(Instant::compareTo)
			.orElse(null);
	}

	static String percent(double fraction) {
		return String.format(Locale.ROOT, "%.4f %%", fraction * 100);
	}

}
