package dev.parity.core.dialect;

import java.util.Optional;

import org.jooq.Field;
import org.jooq.SQLDialect;

/**
 * What one database engine needs that jOOQ cannot make equal across engines. Everything standard
 * (paging, quoting, counts, min/max) is rendered by jOOQ; no vendor SQL lives outside this package.
 *
 * <p>Implementations are stateless singletons, chosen from the JDBC URL by {@link ComparisonDialects}.
 */
public interface ComparisonDialect {

	/** A short name for output, e.g. {@code postgresql}. */
	String name();

	/** The jOOQ dialect used to render queries for this engine. */
	SQLDialect sqlDialect();

	/**
	 * The jOOQ dialect for reading the catalog through {@link org.jooq.Meta}. Usually
	 * {@link #sqlDialect()}; differs where jOOQ's open-source edition targets only the newest release of
	 * an engine and its catalog queries use columns older releases lack.
	 */
	default SQLDialect metaDialect() {
		return sqlDialect();
	}

	/**
	 * Statement run on each new source connection to make the session itself read-only, the first of
	 * the two layers that keep Parity from ever modifying the source. Empty when the engine has no such
	 * session setting; then {@link #readOnlyUrl(String)} must do it.
	 * <p>Example (PostgreSQL): {@code SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY}.
	 */
	Optional<String> readOnlySessionSql();

	/**
	 * The URL to use for a read-only connection; engines that make a session read-only through the URL
	 * (H2: {@code ;ACCESS_MODE_DATA=r}) add it here, others return {@code url} unchanged.
	 */
	default String readOnlyUrl(String url) {
		return url;
	}

	/**
	 * Text in Unicode code point order (the order of its UTF-8 bytes), whatever the column's collation:
	 * used to sort and range-compare text keys so that both engines produce one binary order, the order
	 * of {@link dev.parity.core.canonical.KeyOrder}. Applied alike to columns and to bound values.
	 * <p>Example (PostgreSQL): {@code CAST(sku AS VARCHAR) COLLATE "C"}.
	 */
	Field<?> binaryText(Field<?> value);

	/**
	 * Quartz's JDBC delegate for this engine as the control database (it stores job data as BLOBs in
	 * the engine's own way). Example (PostgreSQL): {@code org.quartz.impl.jdbcjobstore.PostgreSQLDelegate}.
	 */
	default String quartzDelegate() {
		return "org.quartz.impl.jdbcjobstore.StdJDBCDelegate";
	}

	/** The Flyway vendor folder for Parity's control tables, or empty if this engine cannot hold them. */
	default Optional<String> controlVendor() {
		return Optional.empty();
	}

}
