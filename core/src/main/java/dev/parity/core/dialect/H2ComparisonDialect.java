package dev.parity.core.dialect;

import java.util.Optional;

import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** H2 2.x, the embedded default for the control database and the demo. */
final class H2ComparisonDialect implements ComparisonDialect {

	@Override
	public String name() {
		return "h2";
	}

	@Override
	public SQLDialect sqlDialect() {
		return SQLDialect.H2;
	}

	@Override
	public Optional<String> readOnlySessionSql() {
		return Optional.empty();
	}

	/** H2 has no read-only session; opening the database read-only is the engine-level layer. */
	@Override
	public String readOnlyUrl(String url) {
		return url.toUpperCase(java.util.Locale.ROOT).contains("ACCESS_MODE_DATA") ? url : url + ";ACCESS_MODE_DATA=r";
	}

	@Override
	public Optional<String> controlVendor() {
		return Optional.of("h2");
	}

	@Override
	public Field<?> binaryText(Field<?> value) {
		// H2 casts text to binary as UTF-8 and compares binary unsigned: code point order.
		return DSL.field("CAST(CAST({0} AS VARCHAR) AS VARBINARY)", Object.class, value);
	}

}
