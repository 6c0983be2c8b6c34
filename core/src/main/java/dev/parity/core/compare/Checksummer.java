package dev.parity.core.compare;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import dev.parity.core.connect.Database;
import dev.parity.core.connect.SourceDatabase;
import dev.parity.core.connect.TargetDatabase;
import dev.parity.core.dialect.ComparisonDialect;

/**
 * Computes checksums of key ranges on both sides: pushed into the databases as one aggregate query per
 * side ({@code count(*)} and the sum of {@link RowHash row hashes} computed in SQL), or — for a table
 * in {@link ChecksumPlan#fallback() fallback} — by streaming the range's rows and hashing them in
 * Parity. Both sides run at once. Also fetches the rows of small ranges and the keys that bound chunks
 * and bisection steps.
 */
public class Checksummer {

	private final ChecksumPlan plan;

	private final SourceDatabase source;

	private final TargetDatabase target;

	private final Executor executor;

	private final int fetchSize;

	public Checksummer(ChecksumPlan plan, SourceDatabase source, TargetDatabase target, Executor executor,
			int fetchSize) {
		this.plan = plan;
		this.source = source;
		this.target = target;
		this.executor = executor;
		this.fetchSize = fetchSize;
	}

	public ChecksumPlan plan() {
		return plan;
	}

	/** Both sides' checksums of {@code range}, computed at once. */
	public RangeSums both(KeyRange range) {
		CompletableFuture<SideChecksum> targetSums = CompletableFuture.supplyAsync(() -> side(false, range), executor);
		SideChecksum sourceSums;
		try {
			sourceSums = side(true, range);
		}
		catch (RuntimeException ex) {
			targetSums.cancel(false);
			throw ex;
		}
		try {
			return new RangeSums(sourceSums, targetSums.join());
		}
		catch (CompletionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime : ex;
		}
	}

	/** One side's checksum of {@code range}. */
	public SideChecksum side(boolean fromSource, KeyRange range) {
		return plan.sql() ? inDatabase(fromSource, range) : inParity(fromSource, range);
	}

	private SideChecksum inDatabase(boolean fromSource, KeyRange range) {
		Database database = database(fromSource);
		Record2<Integer, BigDecimal> sums = database.dsl()
			.select(DSL.count(), DSL.sum(rowHash(database.dialect(), fromSource)))
			.from(fromSource ? plan.compare().pair().source() : plan.compare().pair().target())
			.where(RowQueries.inRange(database.dialect(), plan.compare(), fromSource, range))
			.fetchSingle();
		return new SideChecksum(sums.value1(), sums.value2() == null ? BigInteger.ZERO : sums.value2().toBigIntegerExact());
	}

	private SideChecksum inParity(boolean fromSource, KeyRange range) {
		long count = 0;
		BigInteger sum = BigInteger.ZERO;
		long partial = 0;
		try (Database.Streamed rows = stream(fromSource, range)) {
			for (Object[] row = rows.next(); row != null; row = rows.next()) {
				count++;
				long hash = RowHash.hash(RowHash.text(plan.rules(), row));
				// 60-bit hashes: 7 fit in a long before it could overflow
				if (partial > Long.MAX_VALUE - hash) {
					sum = sum.add(BigInteger.valueOf(partial));
					partial = 0;
				}
				partial += hash;
			}
		}
		return new SideChecksum(count, sum.add(BigInteger.valueOf(partial)));
	}

	/**
	 * The SQL row hash of one side: the canonical text of every hashed column ({@link RowHash}'s
	 * layout) hashed by the dialect. Only for a plan without fallback.
	 */
	public Field<Long> rowHash(ComparisonDialect dialect, boolean fromSource) {
		return dialect.rowHash(rowText(plan, dialect, fromSource));
	}

	/** The SQL canonical row text of one side (see {@link RowHash}). */
	public static Field<String> rowText(ChecksumPlan plan, ComparisonDialect dialect, boolean fromSource) {
		List<Field<String>> parts = new ArrayList<>();
		for (int i = 0; i < plan.rules().size(); i++) {
			if (i > 0) {
				parts.add(DSL.inline("|"));
			}
			Field<?> value = ChecksumPlan.field(plan.compare(), fromSource, i);
			Field<String> canonical = dialect.canonicalText(value, plan.rules().get(i))
				.orElseThrow(() -> new IllegalStateException("no SQL canonical text: " + plan.fallback()));
			Field<String> encoded = ChecksumPlan.prefixed(plan.rules().get(i).kind())
					? dialect.concat(List.of(DSL.field("{0}", SQLDataType.VARCHAR, dialect.utf8Length(canonical)),
							DSL.inline(":"), canonical))
					: canonical;
			parts.add(DSL.when(value.isNull(), DSL.inline("-")).otherwise(encoded));
		}
		return dialect.concat(parts);
	}

	/** Every row of one side in {@code range}, in binary key order (rows are laid out as in the diff). */
	public List<Object[]> rows(boolean fromSource, KeyRange range) {
		List<Object[]> rows = new ArrayList<>();
		try (Database.Streamed streamed = stream(fromSource, range)) {
			for (Object[] row = streamed.next(); row != null; row = streamed.next()) {
				rows.add(row);
			}
		}
		return rows;
	}

	/** The source key {@code offset} rows into {@code range}, or null when the range holds no more rows. */
	public Map<String, String> sourceKeyAt(KeyRange range, long offset) {
		Record key = RowQueries.keyAt(source.dsl(), source.dialect(), plan.compare(), true, range, offset).fetchOne();
		return key == null ? null : plan.compare().keyText(key.intoArray());
	}

	/** Up to {@code max} keys of one side splitting {@code range} every {@code every} rows. */
	public List<Map<String, String>> splitKeys(boolean fromSource, KeyRange range, long every, int max) {
		Database database = database(fromSource);
		List<Map<String, String>> keys = new ArrayList<>();
		for (Record record : RowQueries.everyNthKey(database.dsl(), database.dialect(), plan.compare(), fromSource, range,
				every).limit(max).fetch()) {
			keys.add(plan.compare().keyText(record.intoArray()));
		}
		return keys;
	}

	private Database.Streamed stream(boolean fromSource, KeyRange range) {
		Database database = database(fromSource);
		return database.stream(RowQueries.ordered(database.dsl(), database.dialect(), plan.compare(), fromSource, range, null),
				RowQueries.readers(plan.compare(), fromSource, database), fetchSize);
	}

	private Database database(boolean fromSource) {
		return fromSource ? source : target;
	}

	/** Both sides' checksums of one range. */
	public record RangeSums(SideChecksum source, SideChecksum target) {

		public boolean equal() {
			return source.equals(target);
		}

	}

}
