package dev.parity.core.repository;

import java.time.Instant;
import java.util.List;

import org.jooq.DSLContext;

import dev.parity.core.repository.ControlTables.SlaSample;

/** Response-time samples of the target (p95, milliseconds). */
public class SlaRepository {

	/** One sample: the target's p95 response time at a moment. */
	public record Sample(Instant measuredAt, long p95Millis, String recordedBy) {
	}

	private final DSLContext dsl;

	public SlaRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	public void record(Sample sample) {
		dsl.insertInto(SlaSample.TABLE)
			.set(SlaSample.MEASURED_AT, sample.measuredAt())
			.set(SlaSample.P95_MS, sample.p95Millis())
			.set(SlaSample.RECORDED_BY, sample.recordedBy())
			.execute();
	}

	/** Samples measured at or after {@code from}, oldest first. */
	public List<Sample> since(Instant from) {
		return dsl.select(SlaSample.MEASURED_AT, SlaSample.P95_MS, SlaSample.RECORDED_BY)
			.from(SlaSample.TABLE)
			.where(SlaSample.MEASURED_AT.ge(from))
			.orderBy(SlaSample.MEASURED_AT, SlaSample.ID)
			.fetch((r) -> new Sample(r.value1(), r.value2(), r.value3()));
	}

}
