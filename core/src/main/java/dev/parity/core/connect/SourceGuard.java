package dev.parity.core.connect;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteType;

/**
 * The second of two independent layers that keep Parity from modifying the source (the first is the
 * read-only session, see {@link dev.parity.core.dialect.ComparisonDialect#readOnlySessionSql()}).
 *
 * <p>Every statement Parity sends to the source passes through this jOOQ listener before it runs. It
 * must be a single read: jOOQ must classify it as {@link ExecuteType#READ}, it must start with
 * {@code SELECT}, {@code WITH} or {@code VALUES}, and outside literals, quoted names and comments it
 * must not contain a writing keyword ({@code INSERT}, {@code UPDATE}, {@code INTO}, {@code DROP}, ...)
 * nor a second statement. Anything else is refused with {@link SourceWriteRejectedException} and never
 * reaches the database.
 */
public final class SourceGuard implements ExecuteListener {

	private static final Set<String> FIRST_WORDS = Set.of("SELECT", "WITH", "VALUES");

	private static final Set<String> WRITE_WORDS = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "INTO",
			"CREATE", "DROP", "ALTER", "TRUNCATE", "GRANT", "REVOKE", "CALL", "EXEC", "EXECUTE", "COPY", "LOCK",
			"RENAME", "COMMENT", "VACUUM", "ANALYZE", "REINDEX", "CLUSTER", "REFRESH", "HANDLER", "LOAD", "DO");

	// String literals, quoted identifiers and comments: their content is not SQL.
	private static final Pattern NOT_CODE = Pattern
		.compile("'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|`(?:[^`]|``)*`|--[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

	private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*|;");

	@Override
	public void executeStart(ExecuteContext ctx) {
		String sql = ctx.sql();
		if (ctx.type() != ExecuteType.READ) {
			throw new SourceWriteRejectedException(sql, "it is not a query (" + ctx.type() + ")");
		}
		check(sql);
	}

	/**
	 * @throws SourceWriteRejectedException if {@code sql} is not one plain read
	 */
	public static void check(String sql) {
		String code = NOT_CODE.matcher(sql == null ? "" : sql).replaceAll(" ").trim();
		if (code.endsWith(";")) {
			code = code.substring(0, code.length() - 1);
		}
		Matcher words = WORD.matcher(code);
		boolean first = true;
		while (words.find()) {
			String word = words.group().toUpperCase(Locale.ROOT);
			if (first && !FIRST_WORDS.contains(word)) {
				throw new SourceWriteRejectedException(sql, "it does not start with SELECT, WITH or VALUES");
			}
			first = false;
			if (word.equals(";")) {
				throw new SourceWriteRejectedException(sql, "it holds more than one statement");
			}
			if (WRITE_WORDS.contains(word)) {
				throw new SourceWriteRejectedException(sql, "it contains " + word);
			}
		}
		if (first) {
			throw new SourceWriteRejectedException(sql, "it is empty");
		}
	}

}
