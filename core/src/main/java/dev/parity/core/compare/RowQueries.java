package dev.parity.core.compare;

import java.util.ArrayList;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SelectField;
import org.jooq.SortField;
import org.jooq.impl.DSL;

import dev.parity.core.canonical.ColumnKind;
import dev.parity.core.connect.Database;
import dev.parity.core.connect.ValueReader;
import dev.parity.core.dialect.ComparisonDialect;
import dev.parity.core.mapping.ColumnPair;

/**
 * The queries of a comparison, for either side, built from names and rendered by jOOQ; the only
 * engine-specific part is the binary text order of the dialect.
 */
public final class RowQueries {

	private RowQueries() {
	}

	/** Selected fields of one side: key, compared columns (source expressions aliased), updated column. */
	public static List<SelectField<?>> fields(ComparePlan plan, boolean source) {
		List<SelectField<?>> fields = new ArrayList<>(plan.keyFields(source));
		List<ColumnPair> columns = plan.pair().columns();
		for (int i = 0; i < columns.size(); i++) {
			ColumnPair column = columns.get(i);
			Field<?> field = source ? column.source() : column.target();
			fields.add(source && column.expression() ? field.as("parity_c" + i) : field);
		}
		Field<?> updated = source ? plan.pair().sourceUpdated() : plan.pair().targetUpdated();
		if (plan.pair().lagAware()) {
			fields.add(updated);
		}
		return fields;
	}

	/**
	 * How to read each field {@link #fields} selects (then {@code extra}), by the time model of
	 * {@link ValueReader}: temporal columns as {@code java.time} values, instants in UTC, a naive
	 * date-time compared with an instant on the other side (and the lag column) as an instant in this
	 * side's {@code time-zone}; everything else as the driver's default.
	 */
	public static ValueReader[] readers(ComparePlan plan, boolean source, Database database, List<Field<?>> extra) {
		List<SelectField<?>> fields = fields(plan, source);
		ValueReader[] readers = new ValueReader[fields.size() + extra.size()];
		java.time.ZoneId zone = source ? plan.pair().sourceZone() : plan.pair().targetZone();
		int keys = plan.keySize();
		for (int i = 0; i < fields.size(); i++) {
			org.jooq.DataType<?> type = fields.get(i).getDataType();
			boolean instants = i < keys ? plan.keyKinds().get(i) == ColumnKind.TIMESTAMP_TZ
					: i < keys + plan.columnCount() ? plan.rules().get(i - keys).kind() == ColumnKind.TIMESTAMP_TZ
							: true; // the lag column is judged against a cutoff in UTC
			boolean expression = i >= keys && i < keys + plan.columnCount() && source
					&& plan.pair().columns().get(i - keys).expression();
			readers[i] = expression ? expressionReader(database, instants, zone) : reader(type, instants, zone);
		}
		for (int i = 0; i < extra.size(); i++) {
			readers[fields.size() + i] = reader(extra.get(i).getDataType(), false, zone);
		}
		return readers;
	}

	/** As {@link #readers(ComparePlan, boolean, Database, List)} without extra columns. */
	public static ValueReader[] readers(ComparePlan plan, boolean source, Database database) {
		return readers(plan, source, database, List.of());
	}

	/**
	 * How to read one column of {@code type}: java.time values; with {@code instants}, a naive date-time
	 * as the instant it is in {@code zone} (a no-op for UTC).
	 */
	public static ValueReader reader(org.jooq.DataType<?> type, boolean instants, java.time.ZoneId zone) {
		return switch (ColumnKind.of(type)) {
			case TIMESTAMP -> instants && !java.time.ZoneOffset.UTC.equals(zone) ? ValueReader.naiveIn(zone)
					: ValueReader.LOCAL_DATE_TIME;
			case TIMESTAMP_TZ -> dev.parity.core.canonical.JavaTimeTypes.utcWallClock(type) ? ValueReader.UTC_WALL_CLOCK
					: type.getType() == java.time.OffsetDateTime.class ? ValueReader.INSTANT : ValueReader.DEFAULT;
			case DATE -> ValueReader.DATE;
			case TIME -> type.getType() == java.time.OffsetTime.class ? ValueReader.DEFAULT : ValueReader.TIME;
			default -> ValueReader.DEFAULT;
		};
	}

	// A source expression's type is known only from the result: read by what the driver reports.
	private static ValueReader expressionReader(Database database, boolean instants, java.time.ZoneId zone) {
		ValueReader naive = instants && !java.time.ZoneOffset.UTC.equals(zone) ? ValueReader.naiveIn(zone)
				: ValueReader.LOCAL_DATE_TIME;
		return (rows, i) -> {
			java.sql.ResultSetMetaData meta = rows.getMetaData();
			String name = meta.getColumnTypeName(i);
			return switch (meta.getColumnType(i)) {
				case java.sql.Types.TIMESTAMP_WITH_TIMEZONE -> ValueReader.INSTANT.read(rows, i);
				case java.sql.Types.TIMESTAMP -> database.dialect().instantAsLocal(name) ? ValueReader.UTC_WALL_CLOCK.read(rows, i)
						: name != null && (name.toLowerCase(java.util.Locale.ROOT).contains("tz")
								|| name.toLowerCase(java.util.Locale.ROOT).contains("time zone")) ? ValueReader.INSTANT.read(rows, i)
										: naive.read(rows, i);
				case java.sql.Types.DATE -> ValueReader.DATE.read(rows, i);
				case java.sql.Types.TIME -> ValueReader.TIME.read(rows, i);
				default -> rows.getObject(i);
			};
		};
	}

	/**
	 * One side's rows in {@code range}, after {@code after} (exclusive, for restarts; may be null), in
	 * binary key order.
	 */
	public static ResultQuery<Record> ordered(DSLContext dsl, ComparisonDialect dialect, ComparePlan plan,
			boolean source, KeyRange range, Object[] after) {
		List<Field<?>> keys = orderable(dialect, plan, plan.keyFields(source));
		Condition condition = inRange(dialect, plan, source, range);
		if (after != null) {
			condition = condition.and(DSL.row(keys).gt(DSL.row(values(dialect, plan, after))));
		}
		return dsl.select(fields(plan, source))
			.from(source ? plan.pair().source() : plan.pair().target())
			.where(condition)
			.orderBy(keyOrder(dialect, plan, source));
	}

	/** One side's rows whose key lies in {@code range}, in the binary key order. */
	public static Condition inRange(ComparisonDialect dialect, ComparePlan plan, boolean source, KeyRange range) {
		List<Field<?>> keys = orderable(dialect, plan, plan.keyFields(source));
		Condition condition = DSL.noCondition();
		if (range.lower() != null) {
			condition = condition.and(DSL.row(keys).ge(DSL.row(values(dialect, plan, plan.parseKey(range.lower())))));
		}
		if (range.upper() != null) {
			condition = condition.and(DSL.row(keys).lt(DSL.row(values(dialect, plan, plan.parseKey(range.upper())))));
		}
		return condition;
	}

	/** The binary key order of one side. */
	public static List<SortField<?>> keyOrder(ComparisonDialect dialect, ComparePlan plan, boolean source) {
		return orderable(dialect, plan, plan.keyFields(source)).stream().<SortField<?>>map(Field::asc).toList();
	}

	/**
	 * The key {@code offset} rows after the first key of {@code range} on one side, in binary key order
	 * (the next chunk's bound); no row when the range holds {@code offset} rows or fewer.
	 */
	public static ResultQuery<Record> keyAt(DSLContext dsl, ComparisonDialect dialect, ComparePlan plan, boolean source,
			KeyRange range, long offset) {
		return dsl.select(plan.keyFields(source))
			.from(source ? plan.pair().source() : plan.pair().target())
			.where(inRange(dialect, plan, source, range))
			.orderBy(keyOrder(dialect, plan, source))
			.limit(DSL.inline(1))
			.offset(DSL.inline(offset));
	}

	/**
	 * Rows of one side whose key is among {@code keys} by the engine's own equality (a superset under
	 * case- or pad-insensitive collations; callers match exactly in Java).
	 */
	public static ResultQuery<Record> byKeys(DSLContext dsl, ComparePlan plan, boolean source, List<Object[]> keys) {
		return byKeys(dsl, plan, source, keys, List.of());
	}

	/**
	 * As {@link #byKeys(DSLContext, ComparePlan, boolean, List)}, with {@code extra} columns selected
	 * after the compared ones (reconciliation keeps whole target rows).
	 */
	public static ResultQuery<Record> byKeys(DSLContext dsl, ComparePlan plan, boolean source, List<Object[]> keys,
			List<Field<?>> extra) {
		List<Field<?>> keyFields = plan.keyFields(source);
		keys = lookupKeys(plan, keyFields, keys);
		Condition condition;
		if (keyFields.size() == 1) {
			@SuppressWarnings("unchecked")
			Field<Object> key = (Field<Object>) keyFields.get(0);
			condition = key.in(keys.stream().map((k) -> DSL.val(k[0], key.getDataType())).toList());
		}
		else {
			condition = DSL.row(keyFields).in(keys.stream().map((k) -> DSL.row(typed(keyFields, k))).toList());
		}
		List<SelectField<?>> selected = new ArrayList<>(fields(plan, source));
		selected.addAll(extra);
		return dsl.select(selected).from(source ? plan.pair().source() : plan.pair().target()).where(condition);
	}

	/** Every {@code every}-th source key in binary key order (partition bounds). */
	public static org.jooq.SelectLimitStep<Record> everyNthKey(DSLContext dsl, ComparisonDialect dialect, ComparePlan plan,
			long every) {
		return everyNthKey(dsl, dialect, plan, true, KeyRange.ALL, every);
	}

	/** Every {@code every}-th key of one side within {@code range}, in binary key order (bisection bounds). */
	public static org.jooq.SelectLimitStep<Record> everyNthKey(DSLContext dsl, ComparisonDialect dialect, ComparePlan plan,
			boolean source, KeyRange range, long every) {
		List<Field<?>> keys = plan.keyFields(source);
		List<Field<?>> order = orderable(dialect, plan, keys);
		Field<Integer> rowNumber = DSL.rowNumber().over(DSL.orderBy(order.stream().map(Field::asc).toList())).as("parity_rn");
		List<SelectField<?>> inner = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			inner.add(keys.get(i).as("parity_k" + i));
		}
		inner.add(rowNumber);
		var numbered = dsl.select(inner)
			.from(source ? plan.pair().source() : plan.pair().target())
			.where(inRange(dialect, plan, source, range))
			.asTable("parity_numbered");
		List<Field<?>> outer = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			outer.add(numbered.field("parity_k" + i));
		}
		Field<Integer> rn = numbered.field("parity_rn", Integer.class);
		return dsl.select(outer).from(numbered).where(rn.mod(DSL.inline(every)).eq(DSL.inline(0))).orderBy(rn);
	}

	private static List<Field<?>> typed(List<Field<?>> keyFields, Object[] key) {
		List<Field<?>> values = new ArrayList<>();
		for (int i = 0; i < keyFields.size(); i++) {
			values.add(DSL.val(key[i], keyFields.get(i).getDataType()));
		}
		return values;
	}

	private static List<Field<?>> orderable(ComparisonDialect dialect, ComparePlan plan, List<Field<?>> keyFields) {
		List<Field<?>> fields = new ArrayList<>();
		for (int i = 0; i < keyFields.size(); i++) {
			fields.add(textOrdered(plan.keyKinds().get(i)) ? dialect.binaryText(uuidCase(plan, i, keyFields.get(i)))
					: keyFields.get(i));
		}
		return fields;
	}

	private static List<Field<?>> values(ComparisonDialect dialect, ComparePlan plan, Object[] key) {
		List<Field<?>> fields = new ArrayList<>();
		for (int i = 0; i < key.length; i++) {
			ColumnKind kind = plan.keyKinds().get(i);
			Field<?> keyField = plan.keyFields(true).get(i);
			Field<?> value = textOrdered(kind) ? DSL.val(key[i] == null ? null : String.valueOf(key[i]))
					: DSL.val(key[i], keyField.getDataType());
			fields.add(textOrdered(kind) ? dialect.binaryText(uuidCase(plan, i, value)) : value);
		}
		return fields;
	}

	// A UUID key kept as text may be stored in upper case: ordered and ranged by its lower-case text, the
	// order of KeyOrder (the same order as upper case for uniformly cased values, digits before letters).
	private static Field<?> uuidCase(ComparePlan plan, int i, Field<?> field) {
		return plan.keyKinds().get(i) == ColumnKind.UUID ? DSL.lower(field.cast(org.jooq.impl.SQLDataType.VARCHAR)) : field;
	}

	// The values to look a key up by: a UUID key kept as text in both cases (stored either way; matched
	// exactly in Java afterwards), so the engine's index still serves the lookup.
	private static List<Object[]> lookupKeys(ComparePlan plan, List<Field<?>> keyFields, List<Object[]> keys) {
		List<Object[]> lookups = new ArrayList<>(keys);
		for (int i = 0; i < keyFields.size(); i++) {
			if (plan.keyKinds().get(i) == ColumnKind.UUID && keyFields.get(i).getType() == String.class) {
				int column = i;
				List<Object[]> upper = lookups.stream().map((k) -> {
					Object[] copy = k.clone();
					copy[column] = k[column] == null ? null : String.valueOf(k[column]).toUpperCase(java.util.Locale.ROOT);
					return copy;
				}).toList();
				lookups.addAll(upper);
			}
		}
		return lookups;
	}

	/** Key kinds that are ordered as text in code point order (not by the engine's native order). */
	static boolean textOrdered(ColumnKind kind) {
		return kind == ColumnKind.STRING || kind == ColumnKind.CHAR || kind == ColumnKind.OTHER
				|| kind == ColumnKind.UUID;
	}

}
