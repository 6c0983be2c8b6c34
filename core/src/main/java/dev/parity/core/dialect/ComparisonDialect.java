package dev.parity.core.dialect;

import java.util.List;
import java.util.Optional;

import org.jooq.Field;
import org.jooq.SQLDialect;

import dev.parity.core.canonical.ColumnRule;

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
	 * The one statement run on each new source or target connection: the session's time zone pinned to
	 * UTC (so that instant columns read and write as UTC wall-clock time and {@code CURRENT_TIMESTAMP}
	 * means the same on every engine, whatever the server's, the session's or the JVM's zone) and, for
	 * the source, the session made read-only ({@link #readOnlySessionSql()}).
	 * <p>Example (MariaDB, source): {@code SET SESSION tx_read_only = 1, time_zone = '+00:00'}.
	 */
	String sessionInitSql(boolean readOnly);

	/**
	 * Whether a column of this engine's catalog type {@code dataType} (as {@code information_schema.columns}
	 * names it) holds instants that a UTC session reads and writes as UTC wall-clock time, although jOOQ's
	 * catalog reports a plain timestamp.
	 * <p>Example (MariaDB): {@code timestamp} (stored in UTC, shown in the session's zone), unlike
	 * {@code datetime}.
	 */
	default boolean instantAsLocal(String dataType) {
		return false;
	}

	/**
	 * A value as it is bound to a JDBC statement of this engine, where the driver would otherwise convert
	 * it through a zone of its own. Java time values are bound as they are ({@code setObject}); never as
	 * {@code java.sql} types, which follow the JVM's zone and the Julian/Gregorian calendar.
	 * <p>Example (MariaDB): an {@code OffsetDateTime} becomes its UTC {@code LocalDateTime} (the session is
	 * UTC).
	 */
	default Object jdbcValue(Object value) {
		return value;
	}

	/**
	 * The URL to use for a read-only connection; engines that make a session read-only through the URL
	 * (H2: {@code ;ACCESS_MODE_DATA=r}) add it here, others return {@code url} unchanged.
	 */
	default String readOnlyUrl(String url) {
		return url;
	}

	/**
	 * About how many rows {@code table} holds by the engine's statistics, read without a scan; -1 when
	 * the engine has none (then callers count).
	 * <p>Example (PostgreSQL): {@code pg_class.reltuples}; (MariaDB) {@code information_schema.TABLES.TABLE_ROWS}.
	 */
	default long estimatedRows(org.jooq.DSLContext dsl, org.jooq.Table<?> table) {
		return -1;
	}

	/**
	 * Driver properties for source and target connections that make streaming rows cheaper for both
	 * the database and Parity (values sent in binary rather than as text to format and parse); a
	 * setting in the URL wins.
	 * <p>Example (MariaDB): {@code useServerPrepStmts=true}, the binary protocol.
	 */
	default java.util.Map<String, String> streamingReadProperties() {
		return java.util.Map.of();
	}

	/**
	 * Driver properties for the connections Parity writes through (target and control database),
	 * which make prepared batches cheaper; a setting in the URL wins.
	 * <p>Example (PostgreSQL): {@code reWriteBatchedInserts=true}, a batch of single-row inserts sent as
	 * multi-row inserts.
	 */
	default java.util.Map<String, String> batchWriteProperties() {
		return java.util.Map.of();
	}

	/**
	 * Driver properties that bound opening a connection ({@code connect}) and each wait for the
	 * database's reply on an open one ({@code socket}), in the driver's own names and units; a zero
	 * duration switches that bound off. Empty where the driver has none (embedded H2). The connector
	 * leaves out any property the URL sets itself, so that a URL setting wins.
	 * <p>Example (PostgreSQL, 10 s and 30 min): {@code connectTimeout=10, socketTimeout=1800} (seconds).
	 */
	default java.util.Map<String, String> timeoutProperties(java.time.Duration connect, java.time.Duration socket) {
		return java.util.Map.of();
	}

	/**
	 * The URL of this engine as Parity's control database, opened so that a commit is in the database
	 * file when it returns (a process killed right after a commit must not lose it); a setting in the
	 * URL wins.
	 * <p>Example (H2): {@code jdbc:h2:file:./parity-data/control;WRITE_DELAY=0}.
	 */
	default String durableControlUrl(String url) {
		return url;
	}

	/** Whether {@code url} sets the driver property {@code name} itself ({@code ?name=}, {@code &name=}, {@code ;name=}). */
	static boolean urlSets(String url, String name) {
		return java.util.regex.Pattern.compile("[?&;]" + java.util.regex.Pattern.quote(name) + "=",
				java.util.regex.Pattern.CASE_INSENSITIVE).matcher(url).find();
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

	/**
	 * The canonical text of a non-null {@code value} (a column, or a source expression, of its own data
	 * type) under {@code rule}, computed by the database: byte for byte the text
	 * {@link ColumnRule#canonical(Object)} gives for the same value read over JDBC. Empty when this engine
	 * cannot produce that text in SQL for this type or these compare options; the checksum then hashes
	 * the table in Parity instead (streaming), and says so.
	 * <p>Example (PostgreSQL, {@code NUMERIC(12,2)} under the decimal rule):
	 * {@code CAST(trim_scale(CAST(balance AS numeric)) AS varchar)}, {@code 10.50 → '10.5'}.
	 */
	default Optional<Field<String>> canonicalText(Field<?> value, ColumnRule rule) {
		return Optional.empty();
	}

	/**
	 * The length in UTF-8 bytes of a non-null text (the prefix that keeps a row's text unambiguous).
	 * <p>Example (MariaDB): {@code LENGTH('é')} is 2.
	 */
	Field<Integer> utf8Length(Field<String> text);

	/** The concatenation of non-null texts, in order. Example (MariaDB): {@code CONCAT(a, '|', b)}. */
	Field<String> concat(List<Field<String>> parts);

	/**
	 * The row hash of a canonical row text: the first 60 bits (15 hex digits) of the MD5 of its UTF-8
	 * bytes, as a non-negative BIGINT, so that a plain {@code SUM} over millions of rows is exact and
	 * equal on every engine (and to {@code RowHash} in Java).
	 * <p>Example: the text {@code a} hashes to {@code 57446577476672362} ({@code 0cc175b9c0f1b6a}).
	 */
	Field<Long> rowHash(Field<String> text);

	/** Shorthand for the list form. */
	default Field<String> concat(Field<String> first, Field<String> second, Field<String> third) {
		return concat(List.of(first, second, third));
	}

}
