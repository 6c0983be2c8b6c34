package dev.parity.core.schema;

import java.util.Locale;

import org.jooq.DataType;
import org.jooq.Field;

import dev.parity.core.canonical.ColumnKind;

/**
 * A column as its database defines it, read through jOOQ's catalog.
 *
 * @param length character length (0 when not a length type)
 * @param precision numeric digits, integer width or fractional-second digits (0 when none)
 * @param scale decimal scale
 */
public record ColumnDefinition(String name, String type, ColumnKind kind, int length, int precision, int scale,
		boolean nullable) {

	static ColumnDefinition of(Field<?> field) {
		DataType<?> type = field.getDataType();
		int precision = type.isTemporal() ? (type.precisionDefined() ? type.precision() : 0) : type.precision();
		return new ColumnDefinition(field.getName(), type.getTypeName().toLowerCase(Locale.ROOT), ColumnKind.of(type),
				type.lengthDefined() ? type.length() : 0, precision, type.scaleDefined() ? type.scale() : 0,
				type.nullable());
	}

	/** {@code varchar(50) not null}, {@code numeric(10,2)}, {@code timestamp(6)}. */
	public String describe() {
		String size = "";
		if (length > 0 && length < Integer.MAX_VALUE) {
			size = "(" + length + ")";
		}
		else if (kind == ColumnKind.DECIMAL && precision > 0) {
			size = "(" + precision + "," + scale + ")";
		}
		else if ((kind == ColumnKind.TIMESTAMP || kind == ColumnKind.TIMESTAMP_TZ || kind == ColumnKind.TIME)) {
			size = "(" + precision + ")";
		}
		return type + size + (nullable ? "" : " not null");
	}

}
