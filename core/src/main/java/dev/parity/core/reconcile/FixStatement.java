package dev.parity.core.reconcile;

import java.util.ArrayList;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * One target statement of a fix, built from names and rendered by jOOQ in the target's dialect:
 * {@code INSERT} of {@code fields}/{@code values}, {@code UPDATE} of {@code fields} to {@code values}
 * where the key equals {@code keyValues}, or {@code DELETE} where the key equals {@code keyValues}.
 * Values are converted to the target columns' types ({@code TINYINT(1) 1} becomes {@code true} for a
 * {@code BOOLEAN}); a value that cannot be converted fails that fix only.
 */
public record FixStatement(Kind kind, Table<?> table, List<Field<?>> fields, List<Object> values,
		List<Field<?>> keyFields, List<Object> keyValues) {

	public enum Kind {

		DELETE, INSERT, UPDATE

	}

	public FixStatement {
		fields = List.copyOf(fields);
		values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
		keyFields = List.copyOf(keyFields);
		keyValues = java.util.Collections.unmodifiableList(new ArrayList<>(keyValues));
	}

	/** Statements of one shape render the same SQL and can share one prepared batch. */
	public String shape() {
		return kind + " " + table.getQualifiedName() + " " + fields.stream().map(Field::getName).toList() + " "
				+ keyFields.stream().map(Field::getName).toList();
	}

	/** The statement with its values bound. */
	public Query query(DSLContext dsl) {
		return build(dsl, values, keyValues, false);
	}

	/** The statement with placeholders, for a prepared batch bound with {@link #binds()}. */
	public Query template(DSLContext dsl) {
		return build(dsl, nulls(fields.size()), nulls(keyFields.size()), true);
	}

	/** The bind values in the order of {@link #template}'s placeholders, converted to the column types. */
	public Object[] binds() {
		List<Object> binds = new ArrayList<>();
		for (int i = 0; i < fields.size(); i++) {
			binds.add(convert(fields.get(i), values.get(i)));
		}
		for (int i = 0; i < keyFields.size(); i++) {
			binds.add(convert(keyFields.get(i), keyValues.get(i)));
		}
		return binds.toArray();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Query build(DSLContext dsl, List<Object> set, List<Object> key, boolean template) {
		Table<org.jooq.Record> target = (Table<org.jooq.Record>) table;
		return switch (kind) {
			case INSERT -> {
				List<Field<?>> vals = new ArrayList<>();
				for (int i = 0; i < fields.size(); i++) {
					vals.add(value(fields.get(i), set.get(i), template));
				}
				yield dsl.insertInto(target).columns(fields).values(vals);
			}
			case UPDATE -> {
				java.util.Map<Field<?>, Field<?>> assignments = new java.util.LinkedHashMap<>();
				for (int i = 0; i < fields.size(); i++) {
					assignments.put(fields.get(i), value(fields.get(i), set.get(i), template));
				}
				yield dsl.update(target).set((java.util.Map) assignments).where(keyCondition(key, template));
			}
			case DELETE -> dsl.deleteFrom(target).where(keyCondition(key, template));
		};
	}

	@SuppressWarnings("unchecked")
	private Condition keyCondition(List<Object> key, boolean template) {
		Condition condition = DSL.noCondition();
		for (int i = 0; i < keyFields.size(); i++) {
			Field<Object> field = (Field<Object>) keyFields.get(i);
			condition = condition.and(field.eq((Field<Object>) value(field, key.get(i), template)));
		}
		return condition;
	}

	@SuppressWarnings("unchecked")
	private static Field<?> value(Field<?> field, Object value, boolean template) {
		DataType<Object> type = (DataType<Object>) field.getDataType();
		return DSL.val(template ? null : convert(field, value), type);
	}

	@SuppressWarnings("unchecked")
	static Object convert(Field<?> field, Object value) {
		return value == null ? null : ((DataType<Object>) field.getDataType()).convert(value);
	}

	private static List<Object> nulls(int size) {
		return java.util.Collections.nCopies(size, null);
	}

}
